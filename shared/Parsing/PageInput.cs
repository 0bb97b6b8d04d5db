namespace Ingest.Parsing;

/// <summary>
/// A page to parse: its raw bytes and what is known about where they came from.
/// </summary>
/// <param name="Content">The bytes exactly as served or as stored on disk.</param>
/// <param name="Source">How the caller names the input (a file path for the CLI, a blob name in the pipeline).</param>
/// <param name="ContentType">The HTTP Content-Type, if known (its charset outranks a meta tag).</param>
/// <param name="SourceUrl">The page's URL, if known (for relative links and site-owner hints; never trusted for agency identity).</param>
/// <param name="AgencyHint">The agency named by the crawl seed, used only when the page itself names none.</param>
public sealed record PageInput(
    ReadOnlyMemory<byte> Content,
    string Source,
    string? ContentType = null,
    string? SourceUrl = null,
    string? AgencyHint = null);
