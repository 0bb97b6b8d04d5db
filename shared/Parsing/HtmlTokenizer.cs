using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ingest.Parsing;

/// <summary>
/// Walks an HTML document once (iteratively: hostile nesting cannot overflow the stack) and emits
/// paragraphs and cells in reading order. A &lt;td&gt; is a cell unless it holds a table or running text,
/// in which case it is layout and is walked like a &lt;div&gt;. The main text is the candidate element
/// with the best score (report markers and plain text, minus link text), not one site's CSS class.
/// </summary>
internal static class HtmlTokenizer
{
    private const int MaxCellChars = 300;

    /// <summary>
    /// What the walker needs and nothing more: no scripting, no source positions, no comment nodes and no
    /// script text (the walker skips both), which spares a node or a string for each of them.
    /// </summary>
    public static HtmlParserOptions ParserOptions { get; } = new()
    {
        IsKeepingSourceReferences = false,
        IsScripting = false,
        IsNotConsumingCharacterReferences = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
        SkipScriptText = true,
    };

    private static readonly HtmlParser Parser = new(ParserOptions);

    private static readonly string[] Markers =
    [
        "政府信息公开", "年度报告", "总体情况", "主动公开", "依申请", "行政复议", "存在的主要问题", "本年新收", "统计期限", "改进",
    ];

    private static readonly System.Buffers.SearchValues<char> MarkerStarts = System.Buffers.SearchValues.Create("政年总主依行存本统改");

    private static readonly string[] ContentHints =
    [
        "ivs_content", "webeditorview", "zoom", "trs_editor", "custom_unionstyle", "article", "content", "xxgk", "zw", "detail", "main", "text",
    ];

    /// <summary>Real pages nest a few dozen levels; the HTML tree builder is quadratic in depth, so hostile depth is cut.</summary>
    public const int MaxNesting = 2048;

    /// <summary>Reads <paramref name="html"/> only while it runs: the tokens keep no reference to it.</summary>
    public static TokenizedPage Tokenize(ReadOnlyMemory<char> html, List<string> warnings)
    {
        var cut = NestingCut(html.Span);
        if (cut >= 0)
        {
            warnings.Add($"markup nested deeper than {MaxNesting} levels: the page was cut at character {cut}");
            html = html[..cut];
        }

        var document = Parser.ParseDocument(html);
        var walker = new Walker();
        var body = document.Body ?? (INode?)document.DocumentElement;
        if (body is not null)
        {
            walker.Walk(body);
        }

        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.Head?.Children ?? Enumerable.Empty<IElement>())
        {
            if (meta.LocalName != "meta")
            {
                continue;
            }

            var name = meta.GetAttribute("name");
            var content = meta.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(content) && content.Length < 500)
            {
                metas.TryAdd(name, TextFolding.Collapse(TextFolding.Fold(content)));
            }
        }

        var tokens = walker.Finish();
        if (PipeCount(tokens) >= 12)
        {
            tokens = PlainTextTokenizer.SplitPipes(tokens);
        }

        var title = document.Title is { Length: > 0 } t ? TextFolding.Collapse(TextFolding.Fold(t)) : null;
        return new TokenizedPage(tokens, title, metas, walker.ReportLinks, LooksTruncated(html.Span));
    }

    /// <summary>The offset where open tags outnumber closed ones by <see cref="MaxNesting"/>, or -1.</summary>
    private static int NestingCut(ReadOnlySpan<char> html)
    {
        var depth = 0;
        var at = html.IndexOf('<');
        while (at >= 0 && at < html.Length - 1)
        {
            var next = html[at + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next) && !IsVoid(html, at + 1))
            {
                if (++depth > MaxNesting)
                {
                    return at;
                }
            }

            var following = html[(at + 1)..].IndexOf('<');
            at = following < 0 ? -1 : at + 1 + following;
        }

        return -1;
    }

    /// <summary>
    /// Tags that never hold children, matched as prefixes the way the cut has always matched them (so "p"
    /// also covers "pre" and "param", "li" covers "link", "col" covers "colgroup"). The first letter picks
    /// the one or two candidates: this runs for every start tag of the page.
    /// </summary>
    private static bool IsVoid(ReadOnlySpan<char> html, int nameStart)
    {
        var span = html.Slice(nameStart, Math.Min(8, html.Length - nameStart));
        return char.ToLowerInvariant(span[0]) switch
        {
            'b' => StartsWith(span, "br") || StartsWith(span, "base"),
            'i' => StartsWith(span, "img") || StartsWith(span, "input"),
            'm' => StartsWith(span, "meta"),
            'l' => StartsWith(span, "li"),
            'h' => StartsWith(span, "hr"),
            'p' => true,
            'c' => StartsWith(span, "col"),
            'a' => StartsWith(span, "area"),
            's' => StartsWith(span, "source"),
            'w' => StartsWith(span, "wbr"),
            'o' => StartsWith(span, "o:p"),
            _ => false,
        };

        static bool StartsWith(ReadOnlySpan<char> name, string prefix) => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }

    private static int PipeCount(List<PageToken> tokens)
    {
        var count = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Paragraph && token.InMain)
            {
                foreach (var c in token.Text)
                {
                    if (c == '|')
                    {
                        count++;
                    }
                }
            }
        }

        return count;
    }

    /// <summary>A capture that stops before its closing tags and inside a table was cut in transit.</summary>
    private static bool LooksTruncated(ReadOnlySpan<char> html)
    {
        var tail = html[Math.Max(0, html.Length - 2048)..];
        if (tail.Contains("</html", StringComparison.OrdinalIgnoreCase) || tail.Contains("</body", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var lastOpen = html.LastIndexOf("<table", StringComparison.OrdinalIgnoreCase);
        var lastClose = html.LastIndexOf("</table", StringComparison.OrdinalIgnoreCase);
        return lastOpen >= 0 && lastOpen > lastClose;
    }

    private enum FrameKind
    {
        Normal,
        Cell,
        Anchor,
    }

    private struct Frame
    {
        public FrameKind Kind;
        public bool Candidate;
        public int Bonus;
        public int TextLen;
        public int LinkLen;
        public int Markers;
        public int TokenStart;
        public int AnchorStart;
    }

    private readonly record struct Candidate(int Start, int End, double Score, int Depth);

    private sealed class Walker
    {
        private readonly List<(string Text, TokenKind Kind)> _raw = [];
        private readonly List<Candidate> _candidates = [];
        private readonly List<Frame> _frames = [];
        private readonly StringBuilder _para = new();
        private readonly StringBuilder _cell = new();
        private readonly StringBuilder _anchor = new();
        private char[] _scratch = new char[1024];
        private int _activeCell = -1;
        private int _anchorDepth;

        public int ReportLinks { get; private set; }

        public void Walk(INode root)
        {
            // Children by index: AngleSharp's NextSibling searches the parent's child list, which is
            // quadratic on wide nodes (long lists, flat Word exports).
            var stack = new Stack<(INode Node, int Next)>();
            if (!Enter(root))
            {
                Exit(root);
                return;
            }

            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var children = node.ChildNodes;
                if (next >= children.Length)
                {
                    Exit(node);
                    continue;
                }

                stack.Push((node, next + 1));
                var child = children[next];
                if (Enter(child) && child.HasChildNodes)
                {
                    stack.Push((child, 0));
                }
                else
                {
                    Exit(child);
                }
            }
        }

        public List<PageToken> Finish()
        {
            FlushParagraph();
            var (start, end) = ChooseMain();
            var tokens = new List<PageToken>(_raw.Count);
            for (var i = 0; i < _raw.Count; i++)
            {
                tokens.Add(new PageToken(_raw[i].Text, _raw[i].Kind, i >= start && i < end));
            }

            return tokens;
        }

        private (int Start, int End) ChooseMain()
        {
            if (_candidates.Count == 0)
            {
                return (0, _raw.Count);
            }

            var best = _candidates[0];
            foreach (var c in _candidates)
            {
                if (c.Score > best.Score)
                {
                    best = c;
                }
            }

            var chosen = best;
            foreach (var c in _candidates)
            {
                if (c.Start >= best.Start && c.End <= best.End && c.Depth > chosen.Depth && c.Score >= best.Score * 0.9 && c.End > c.Start)
                {
                    chosen = c;
                }
            }

            return (chosen.Start, chosen.End);
        }

        private bool Enter(INode node)
        {
            if (node.NodeType == NodeType.Text)
            {
                AddText(((IText)node).Data);
                return false;
            }

            if (node is not IElement element)
            {
                return node.NodeType == NodeType.Document;
            }

            var name = element.LocalName;
            if (name is "script" or "style" or "noscript" or "template" or "head" or "select" or "textarea" or "iframe" or "svg" or "object" or "button" or "input")
            {
                _frames.Add(new Frame { Kind = FrameKind.Normal, TokenStart = _raw.Count });
                return false;
            }

            var frame = new Frame { Kind = FrameKind.Normal, TokenStart = _raw.Count };
            switch (name)
            {
                case "td" or "th":
                    if (_activeCell < 0)
                    {
                        FlushParagraph();
                        _cell.Clear();
                        _activeCell = _frames.Count;
                        frame.Kind = FrameKind.Cell;
                    }
                    else
                    {
                        _cell.Append('\n');
                    }

                    frame.TokenStart = _raw.Count;
                    frame.Candidate = true;
                    break;
                case "table":
                    if (_activeCell >= 0)
                    {
                        DemoteCell();
                    }

                    Break();
                    frame.TokenStart = _raw.Count;
                    break;
                case "a":
                    frame.Kind = FrameKind.Anchor;
                    frame.AnchorStart = _anchor.Length;
                    _anchorDepth++;
                    break;
                default:
                    if (IsBlock(name))
                    {
                        Break();
                        frame.TokenStart = _raw.Count;
                    }

                    if (name is "div" or "article" or "section" or "main" or "body" or "center" or "form")
                    {
                        frame.Candidate = true;
                        frame.Bonus = HintBonus(element);
                    }

                    break;
            }

            _frames.Add(frame);
            return true;
        }

        private void Exit(INode node)
        {
            if (node is not IElement element)
            {
                return;
            }

            if (_frames.Count == 0)
            {
                return;
            }

            var index = _frames.Count - 1;
            var frame = _frames[index];
            _frames.RemoveAt(index);
            var name = element.LocalName;

            if (frame.Kind == FrameKind.Cell && _activeCell == index)
            {
                EmitCell();
                _activeCell = -1;
            }
            else if (frame.Kind == FrameKind.Anchor)
            {
                _anchorDepth--;
                if (_anchorDepth == 0)
                {
                    var text = _anchor.ToString(frame.AnchorStart, _anchor.Length - frame.AnchorStart);
                    if (text.Contains('报', StringComparison.Ordinal) && ReportTitle.IsReportLikeTitle(TextFolding.Collapse(text)))
                    {
                        ReportLinks++;
                    }

                    _anchor.Clear();
                }
            }
            else if (IsBlock(name) || name is "table")
            {
                Break();
            }

            if (frame.Candidate)
            {
                var score = frame.Markers * 150.0 + frame.TextLen - 2.5 * frame.LinkLen + frame.Bonus;
                _candidates.Add(new Candidate(frame.TokenStart, _raw.Count, score, _frames.Count));
            }

            if (_frames.Count > 0)
            {
                var parent = _frames[^1];
                if (frame.Kind == FrameKind.Anchor)
                {
                    parent.LinkLen += frame.TextLen + frame.LinkLen;
                }
                else
                {
                    parent.TextLen += frame.TextLen;
                    parent.LinkLen += frame.LinkLen;
                }

                parent.Markers += frame.Markers;
                _frames[^1] = parent;
            }
        }

        private void AddText(string data)
        {
            if (data.Length == 0)
            {
                return;
            }

            var text = TextFolding.Fold(data);
            if (_activeCell >= 0)
            {
                _cell.Append(text);
            }
            else
            {
                _para.Append(text);
            }

            if (_anchorDepth > 0)
            {
                _anchor.Append(text);
            }

            if (_frames.Count > 0)
            {
                var top = _frames[^1];
                var visible = 0;
                foreach (var c in text)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        visible++;
                    }
                }

                top.TextLen += visible;
                if (_anchorDepth == 0 && visible > 3 && text.AsSpan().IndexOfAny(MarkerStarts) >= 0)
                {
                    foreach (var marker in Markers)
                    {
                        if (text.Contains(marker, StringComparison.Ordinal))
                        {
                            top.Markers++;
                        }
                    }
                }

                _frames[^1] = top;
            }
        }

        private void Break()
        {
            if (_activeCell >= 0)
            {
                _cell.Append('\n');
            }
            else
            {
                FlushParagraph();
            }
        }

        private void FlushParagraph()
        {
            if (_para.Length == 0)
            {
                return;
            }

            var text = TextFolding.Collapse(Take(_para));
            if (text.Length > 0)
            {
                _raw.Add((text, TokenKind.Paragraph));
            }
        }

        /// <summary>The builder's text in a reused buffer (valid until the next call); the builder is cleared.</summary>
        private ReadOnlySpan<char> Take(StringBuilder builder)
        {
            var length = builder.Length;
            if (_scratch.Length < length)
            {
                _scratch = new char[Math.Max(length, _scratch.Length * 2)];
            }

            builder.CopyTo(0, _scratch, length);
            builder.Clear();
            return _scratch.AsSpan(0, length);
        }

        private void EmitCell()
        {
            var raw = Take(_cell);
            var total = raw.Length - raw.Count('\n');
            if (total > MaxCellChars)
            {
                foreach (var range in raw.Split('\n'))
                {
                    var text = TextFolding.Collapse(raw[range]);
                    if (text.Length > 0)
                    {
                        _raw.Add((text, TokenKind.Paragraph));
                    }
                }

                return;
            }

            // Word wraps labels inside a cell ("本年新<br/>制作数量", "商业<br/>企业"): the parts belong together.
            // The collapsed parts never outgrow the raw text plus one joining space per line break.
            Span<char> joined = stackalloc char[(MaxCellChars * 2) + 2];
            if (raw.Length + 1 > joined.Length)
            {
                joined = new char[raw.Length + 1];
            }

            var length = 0;
            foreach (var range in raw.Split('\n'))
            {
                var line = raw[range];
                // Collapsed one place ahead, so a joining space can still go in front of it.
                var partStart = length + 1;
                var partLength = TextFolding.CollapseInto(line, joined[partStart..]);
                if (partLength == 0)
                {
                    continue;
                }

                if (length > 0 && char.IsAsciiLetterOrDigit(joined[length - 1]) && char.IsAsciiLetterOrDigit(joined[partStart]))
                {
                    joined[length++] = ' ';
                }

                joined.Slice(partStart, partLength).CopyTo(joined[length..]);
                length += partLength;
            }

            _raw.Add((new string(joined[..length]), TokenKind.Cell));
        }

        private void DemoteCell()
        {
            var raw = Take(_cell);
            foreach (var range in raw.Split('\n'))
            {
                var text = TextFolding.Collapse(raw[range]);
                if (text.Length > 0)
                {
                    _raw.Add((text, TokenKind.Paragraph));
                }
            }

            var frame = _frames[_activeCell];
            frame.Kind = FrameKind.Normal;
            _frames[_activeCell] = frame;
            _activeCell = -1;
        }

        private static int HintBonus(IElement element)
        {
            var id = element.Id;
            var cls = element.ClassName;
            if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(cls))
            {
                return 0;
            }

            return HasContentHint(id) || HasContentHint(cls) ? 200 : 0;
        }

        /// <summary>Whether the lower-cased id or class holds one of the <see cref="ContentHints"/> (no hint has a space, so id and class are searched apart).</summary>
        private static bool HasContentHint(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return false;
            }

            Span<char> lower = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
            value.AsSpan().ToLowerInvariant(lower);
            foreach (var hint in ContentHints)
            {
                if (lower.Contains(hint, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsBlock(string name) => name is "p" or "div" or "br" or "li" or "ul" or "ol" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
            or "tr" or "tbody" or "thead" or "tfoot" or "caption" or "section" or "article" or "header" or "footer" or "nav" or "aside" or "main"
            or "form" or "dd" or "dt" or "dl" or "blockquote" or "pre" or "hr" or "center" or "body" or "html" or "title" or "address" or "figure" or "figcaption";
    }
}
