namespace Ingest.Crawling.Http;

/// <summary>The end of one URL's fetch, redirects followed. Owns the spooled body; dispose it.</summary>
public sealed record FetchResult : IDisposable
{
    public required FetchStatus Status { get; init; }
    public required Uri RequestedUrl { get; init; }
    public required Uri FinalUrl { get; init; }

    /// <summary>The last HTTP status seen, 0 when no response came.</summary>
    public int HttpStatus { get; init; }

    public string? FailureKind { get; init; }
    public string? FailureReason { get; init; }
    public BodySpool? Body { get; init; }
    public string? ContentType { get; init; }

    /// <summary>The charset parameter of Content-Type, as sent.</summary>
    public string? HeaderCharset { get; init; }

    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    public void Dispose() => Body?.Dispose();
}
