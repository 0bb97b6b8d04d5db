using System.Text;

namespace Ingest.Parsing;

/// <summary>
/// Text dumps of report pages, one paragraph per line. Lines are paragraphs; a "|" closes a cell (seed 002,
/// XJ2023, LG2024), so an empty cell between pipes is a blank, and a label wrapped over two lines inside one
/// cell ("商业\n企业") is joined again.
/// </summary>
internal static class PlainTextTokenizer
{
    private const int MaxJoinedCellChars = 80;

    public static TokenizedPage Tokenize(string text)
    {
        var lines = new List<PageToken>();
        var reportLines = 0;
        foreach (var rawLine in TextFolding.Fold(text).Split('\n'))
        {
            var line = TextFolding.Collapse(rawLine);
            if (line.Length == 0)
            {
                continue;
            }

            if (ReportTitle.IsReportLikeTitle(line))
            {
                reportLines++;
            }

            lines.Add(new PageToken(line, TokenKind.Paragraph, true));
        }

        var tokens = SplitPipes(lines);
        MarkSidebars(tokens);
        return new TokenizedPage(tokens, null, new Dictionary<string, string>(), reportLines, false);
    }

    /// <summary>
    /// Turns paragraphs that carry "|" cell separators into cells; real table cells pass through. Used for
    /// text dumps and for HTML pages whose tables were flattened into paragraphs of pipes.
    /// </summary>
    public static List<PageToken> SplitPipes(IReadOnlyList<PageToken> input)
    {
        var tokens = new List<PageToken>(input.Count);
        var pending = new List<PageToken>();
        foreach (var token in input)
        {
            if (token.Kind == TokenKind.Cell)
            {
                Flush(tokens, pending);
                tokens.Add(token);
                continue;
            }

            var line = token.Text;
            if (!line.Contains('|', StringComparison.Ordinal))
            {
                pending.Add(token);
                continue;
            }

            var parts = line.Split('|');
            var lineHasContent = parts.Any(p => p.Trim().Length > 0);

            // "| a | b |" (markdown style): the leading pipe opens the row, it does not close an empty cell.
            var first = 0;
            if (lineHasContent && parts[0].Trim().Length == 0 && pending.Count == 0)
            {
                first = 1;
            }

            for (var i = first; i < parts.Length; i++)
            {
                var part = parts[i].Trim();
                if (i == parts.Length - 1)
                {
                    if (part.Length > 0)
                    {
                        pending.Add(new PageToken(part, TokenKind.Paragraph, token.InMain));
                    }

                    break;
                }

                if (part.Length > 0)
                {
                    pending.Add(new PageToken(part, TokenKind.Paragraph, token.InMain));
                }

                CloseCell(tokens, pending, token.InMain);
            }
        }

        Flush(tokens, pending);
        return tokens;
    }

    private static void Flush(List<PageToken> tokens, List<PageToken> pending)
    {
        tokens.AddRange(pending);
        pending.Clear();
    }

    private static void CloseCell(List<PageToken> tokens, List<PageToken> pending, bool inMain)
    {
        if (pending.Count == 0)
        {
            tokens.Add(new PageToken(string.Empty, TokenKind.Cell, inMain));
            return;
        }

        // Only the lines just before the pipe belong to the cell (a label wrapped inside it); earlier,
        // longer lines are running text or captions.
        var cellStart = pending.Count - 1;
        var length = pending[cellStart].Text.Length;
        while (cellStart > 0 && pending.Count - cellStart < 3)
        {
            var previous = pending[cellStart - 1].Text;
            if (previous.Length > 20 || length + previous.Length > MaxJoinedCellChars || previous[^1] is ':' or '。' or ';' or '；' or '|')
            {
                break;
            }

            cellStart--;
            length += previous.Length;
        }

        for (var i = 0; i < cellStart; i++)
        {
            tokens.Add(pending[i]);
        }

        var cell = new StringBuilder();
        for (var i = cellStart; i < pending.Count; i++)
        {
            cell.Append(pending[i].Text);
        }

        tokens.Add(new PageToken(cell.ToString(), TokenKind.Cell, pending[^1].InMain));
        pending.Clear();
    }

    /// <summary>Text dumps keep the CMS sidebars ("通知公告 … 更多>>") and bulleted link lists: not main text.</summary>
    private static void MarkSidebars(List<PageToken> tokens)
    {
        var inSidebar = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var text = tokens[i].Text;
            if (text.Length <= 12 && text is "通知公告" or "最新动态" or "热点信息" or "相关链接" or "最新信息" or "图片新闻")
            {
                inSidebar = true;
            }

            var bullet = text.Length is > 2 and < 80 && (text.StartsWith("? ", StringComparison.Ordinal) || text.StartsWith("· ", StringComparison.Ordinal) || text[0] is '•' or '●' or '■');
            if (inSidebar || bullet)
            {
                tokens[i] = tokens[i] with { InMain = false };
            }

            if (inSidebar && text.Contains("更多", StringComparison.Ordinal))
            {
                inSidebar = false;
            }
        }
    }

}
