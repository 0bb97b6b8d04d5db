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
    /// <summary>No table reader takes a label longer than this (see <see cref="TokenStream.Label"/>).</summary>
    public const int MaxLabelSourceLength = 160;

    public CellValue Value { get; } = CellValue.Read(Text);

    /// <summary>
    /// <see cref="TextFolding.LabelKey"/> of the text, or null when the text is empty or too long to be a
    /// label. Computed once here because every table reader looks up the labels of every token.
    /// </summary>
    public string? LabelKey { get; } = Text.Length is > 0 and <= MaxLabelSourceLength ? TextFolding.LabelKey(Text) : null;
}
