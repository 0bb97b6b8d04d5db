namespace Ingest.Parsing;

/// <summary>A page as the readers see it: tokens in reading order plus what the markup said outside them.</summary>
internal sealed record TokenizedPage(
    IReadOnlyList<PageToken> Tokens,
    string? DocumentTitle,
    IReadOnlyDictionary<string, string> MetaTags,
    int ReportLinkCount,
    bool LooksTruncated);
