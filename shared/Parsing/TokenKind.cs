namespace Ingest.Parsing;

internal enum TokenKind
{
    /// <summary>A paragraph or line of running text.</summary>
    Paragraph,

    /// <summary>A table cell (a real &lt;td&gt; or a pipe-separated cell): may be empty, and an empty one is a blank.</summary>
    Cell,
}
