namespace Ingest.Parsing;

/// <summary>
/// Table 二 (主动公开政府信息情况). Within each 第二十条 sub-table the n-th value cell of a row is the n-th
/// leaf column (spec §e.2: header and data spans disagree in real 2019 markup, so a span grid would
/// misassign), and the count per row is validated against the format.
/// </summary>
internal sealed class ProactiveTable
{
    private static readonly Dictionary<string, (string Key2021, string[] Columns2021, string Key2019, string[] Columns2019)> Rows = new(StringComparer.Ordinal)
    {
        ["规章"] = ("proactive.art20_1.regulations", ["issued", "repealed", "in_force"], "proactive2019.art20_1.regulations", ["new_made", "new_published", "total_published"]),
        ["行政规范性文件"] = ("proactive.art20_1.normative_docs", ["issued", "repealed", "in_force"], "proactive2019.art20_1.normative_docs", ["new_made", "new_published", "total_published"]),
        ["规范性文件"] = ("proactive.art20_1.normative_docs", ["issued", "repealed", "in_force"], "proactive2019.art20_1.normative_docs", ["new_made", "new_published", "total_published"]),
        ["行政许可"] = ("proactive.art20_5.licensing", ["decisions"], "proactive2019.art20_5.licensing", ["prev_year_items", "yoy_change", "decisions"]),
        ["其他对外管理服务事项"] = (string.Empty, [], "proactive2019.art20_5.other_external_services", ["prev_year_items", "yoy_change", "decisions"]),
        ["行政处罚"] = ("proactive.art20_6.penalty", ["decisions"], "proactive2019.art20_6.penalty", ["prev_year_items", "yoy_change", "decisions"]),
        ["行政强制"] = ("proactive.art20_6.coercion", ["decisions"], "proactive2019.art20_6.coercion", ["prev_year_items", "yoy_change", "decisions"]),
        ["行政事业性收费"] = ("proactive.art20_8.admin_fees", ["amount_wan_yuan"], "proactive2019.art20_8.admin_fees", ["prev_year_items", "yoy_change"]),
        ["政府集中采购"] = (string.Empty, [], "proactive2019.art20_9.central_procurement", ["project_count", "total_amount"]),
    };

    private static readonly string[] Headers2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"];

    private static readonly string[] Headers2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增", "采购项目数量", "采购总金额"];

    public List<string> Warnings { get; } = [];

    public bool Found { get; private set; }

    /// <summary>The format its column headers name, or null when no header was recognised.</summary>
    public ReportEra? HeaderEra { get; private set; }

    private readonly List<(string Label, List<CellValue> Values)> _rows = [];

    public static ProactiveTable Read(IReadOnlyList<PageToken> tokens, int stopAt)
    {
        var table = new ProactiveTable();
        table.Scan(tokens, stopAt < 0 ? tokens.Count : stopAt);
        return table;
    }

    private void Scan(IReadOnlyList<PageToken> tokens, int stopAt)
    {
        var anchor = -1;
        for (var i = 0; i < stopAt; i++)
        {
            if (TokenStream.Label(tokens[i], 24) is { } key && key.Contains("第二十条第", StringComparison.Ordinal))
            {
                anchor = i;
                break;
            }
        }

        if (anchor < 0)
        {
            return;
        }

        Found = true;
        int hits2021 = 0, hits2019 = 0;
        var end = Math.Min(stopAt, anchor + 200);
        for (var i = anchor; i < end; i++)
        {
            var token = tokens[i];
            if (token.Value.IsValue)
            {
                continue;
            }

            var key = TokenStream.Label(token, 40);
            if (key is null)
            {
                continue;
            }

            if (key.Contains("收到和处理政府信息公开申请", StringComparison.Ordinal) || key.Contains("本年新收", StringComparison.Ordinal))
            {
                break;
            }

            if (Headers2021.Any(h => key.StartsWith(h, StringComparison.Ordinal)))
            {
                hits2021++;
            }
            else if (Headers2019.Any(h => key.StartsWith(h, StringComparison.Ordinal)) || key == "处理决定数量")
            {
                hits2019++;
            }

            if (Rows.ContainsKey(key))
            {
                _rows.Add((key, TokenStream.ValuesAfter(tokens, i, 5)));
            }
        }

        HeaderEra = hits2021 > hits2019 ? ReportEra.Gb2021 : hits2019 > hits2021 ? ReportEra.Gb2019 : null;
    }

    /// <summary>Writes the rows under the keys of <paramref name="era"/> (gb2019 or gb2021).</summary>
    public void Apply(FigureSet figures, ReportEra era)
    {
        foreach (var (label, values) in _rows)
        {
            var row = Rows[label];
            var (prefix, columns) = era == ReportEra.Gb2019 ? (row.Key2019, row.Columns2019) : (row.Key2021, row.Columns2021);
            if (prefix.Length == 0)
            {
                Warnings.Add($"proactive: row {label} belongs to the 2019 format only; not read in a {era.Key()} report");
                continue;
            }

            if (values.Count == 0)
            {
                continue;
            }

            if (values.Count != columns.Length)
            {
                Warnings.Add($"{prefix}: {values.Count} value cells where {columns.Length} are expected; row not read");
                continue;
            }

            for (var c = 0; c < columns.Length; c++)
            {
                var key = $"{prefix}.{columns[c]}";
                figures.SetCell(key, values[c], key.EndsWith("_wan_yuan", StringComparison.Ordinal) ? "万元" : null);
            }
        }
    }
}
