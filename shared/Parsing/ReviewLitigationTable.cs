namespace Ingest.Parsing;

/// <summary>
/// Table 四: one data row of 15 cells (复议 5, 直接起诉 5, 复议后起诉 5) under a two-level header. The row
/// is the first run of at least five value cells after the header's leaf labels, and is read only when it
/// holds exactly fifteen.
/// </summary>
internal sealed class ReviewLitigationTable
{
    public static readonly string[] Groups = ["review", "litigation.direct", "litigation.after_review"];

    public static readonly string[] Leaves = ["upheld", "corrected", "other", "pending", "total"];

    public CellValue[]? Cells { get; private set; }

    public List<string> Warnings { get; } = [];

    public bool HeaderFound { get; private set; }

    public static ReviewLitigationTable Read(IReadOnlyList<PageToken> tokens, int from)
    {
        var table = new ReviewLitigationTable();
        table.Scan(tokens, Math.Max(0, from));
        return table;
    }

    private void Scan(IReadOnlyList<PageToken> tokens, int from)
    {
        var anchor = -1;
        for (var i = from; i < tokens.Count; i++)
        {
            if (TokenStream.Label(tokens[i], 40) is { } key && key.Contains("行政复议", StringComparison.Ordinal))
            {
                anchor = i;
                break;
            }
        }

        if (anchor < 0)
        {
            return;
        }

        var leaves = 0;
        var end = Math.Min(tokens.Count, anchor + 120);
        for (var i = anchor; i < end; i++)
        {
            var token = tokens[i];
            if (!token.Value.IsValue)
            {
                var key = TokenStream.Label(token, 20);
                if (key is "结果维持" or "结果纠正" or "其他结果" or "尚未审结")
                {
                    leaves++;
                }

                if (leaves == 0 && i > anchor && key is not null && (key.Contains("存在的主要问题", StringComparison.Ordinal) || key.Contains("其他需要报告", StringComparison.Ordinal)))
                {
                    return;
                }

                continue;
            }

            if (leaves < 2)
            {
                continue;
            }

            HeaderFound = true;
            var run = TokenStream.ValuesAfter(tokens, i - 1, 40);
            if (run.Count < 5)
            {
                i += run.Count - 1;
                continue;
            }

            // Word tables often end with empty cells; trailing blanks past the fifteenth are layout.
            if (run.Count > 15 && run.Skip(15).All(c => c.Kind == CellKind.Blank))
            {
                run = run.GetRange(0, 15);
            }

            if (run.Count != 15)
            {
                Warnings.Add($"review/litigation: {run.Count} value cells where 15 are expected; table 四 not read");
                return;
            }

            Cells = [.. run];
            return;
        }
    }
}
