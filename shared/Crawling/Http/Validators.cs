namespace Ingest.Crawling.Http;

/// <summary>HTTP validators from an earlier response, for a conditional GET (RFC 9110 §13.1).</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public bool IsEmpty => string.IsNullOrEmpty(ETag) && string.IsNullOrEmpty(LastModified);
}
