namespace Ingest.Crawling.State;

/// <summary>What the crawler knows about one URL: validators and digest for the next conditional GET, last outcome.</summary>
public sealed record CrawlState
{
    public required string Url { get; init; }
    public required string Host { get; init; }
    public required CrawlPageKind Kind { get; init; }
    public string? SourceId { get; init; }
    public required CrawlOutcome Outcome { get; init; }

    /// <summary>Last HTTP status (0 when no response came).</summary>
    public int HttpStatus { get; init; }

    public string? FailureKind { get; init; }
    public string? FailureReason { get; init; }
    public required DateTimeOffset LastAttemptAt { get; init; }

    /// <summary>When the content last changed (the last <see cref="CrawlOutcome.Fetched"/>).</summary>
    public DateTimeOffset? LastChangedAt { get; init; }

    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>SHA-256 of the last body received (lowercase hex).</summary>
    public string? Sha256 { get; init; }

    /// <summary>The capture blob holding that body (report pages).</summary>
    public string? BlobName { get; init; }

    public string? FinalUrl { get; init; }
    public string? Charset { get; init; }
}
