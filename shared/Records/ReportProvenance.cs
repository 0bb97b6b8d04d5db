namespace Ingest.Records;

/// <summary>Where a stored report came from: the raw capture (blob) it was parsed from, and by which parser.</summary>
public sealed record ReportProvenance(
    string BlobName,
    string BlobETag,
    string SourceUrl,
    string FinalUrl,
    DateTimeOffset FetchedAt,
    int HttpStatus,
    string? Sha256,
    string? ContentType,
    string? CrawlerVersion,
    string? SourceId,
    string ParserVersion,
    DateTimeOffset WrittenAt);
