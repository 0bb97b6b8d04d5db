namespace Ingest.Records;

/// <summary>One quarantined raw blob (see <see cref="FailureKind"/>). The blob itself is never deleted.</summary>
public sealed record ParseFailure(
    string Kind,
    string BlobName,
    string ETag,
    string Reason,
    string ParserVersion,
    int Attempts,
    string? SourceUrl,
    DateTimeOffset? FetchedAt,
    DateTimeOffset FailedAt);
