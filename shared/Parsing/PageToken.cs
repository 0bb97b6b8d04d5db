namespace Ingest.Parsing;

/// <summary>
/// One unit of page text in reading order: a paragraph or a cell, already folded and collapsed. Every
/// layout (real tables, one value per line, pipes) becomes a stream of these, so the table readers see
/// one shape.
/// </summary>
/// <param name="Text">Folded, whitespace-collapsed text.</param>
/// <param name="Kind">Paragraph or cell.</param>
/// <param name="InMain">Inside the page's main text (not navigation, sidebars or footer).</param>
internal readonly record struct PageToken(string Text, TokenKind Kind, bool InMain)
{
    public CellValue Value { get; } = CellValue.Read(Text);
}
