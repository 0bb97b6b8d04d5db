namespace Ingest.Parsing;

/// <summary>A page's bytes turned into text, with how that was decided.</summary>
internal sealed record DecodedPage(string Text, string Charset, bool IsHtml, string? Rejection, IReadOnlyList<string> Warnings, bool Truncated);
