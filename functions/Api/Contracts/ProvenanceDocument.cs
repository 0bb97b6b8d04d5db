namespace Ingest.Functions.Api.Contracts;

/// <summary>Where a report came from: the archived capture (blob) and the page it was fetched from.</summary>
internal sealed record ProvenanceDocument(
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
    DateTimeOffset WrittenAt);
