using System.Globalization;

namespace Ingest.Archive;

/// <summary>
/// Provenance of one raw capture, stored as the blob's metadata. Blob metadata travels in HTTP headers
/// and must be ASCII, so values are percent-encoded (agency names and URLs can hold Chinese text).
/// </summary>
public sealed record CaptureMetadata
{
    public required string SourceUrl { get; init; }

    /// <summary>The URL after redirects.</summary>
    public required string FinalUrl { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }
    public required int HttpStatus { get; init; }
    public string? ContentType { get; init; }

    /// <summary>The charset the crawler detected (header, meta or sniffing); the parser may still decide otherwise.</summary>
    public string? Charset { get; init; }

    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>Lowercase hex SHA-256 of the body.</summary>
    public required string Sha256 { get; init; }

    public required string CrawlerVersion { get; init; }

    /// <summary>The seed source this page was found through (its id in the seeds file).</summary>
    public string? SourceId { get; init; }

    /// <summary>The agency and region as the seeds file names them.</summary>
    public string? Agency { get; init; }

    public string? Region { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the crawl span that archived this capture, so the parse of the blob
    /// (another process, maybe hours later) can link its trace to the crawl's.
    /// </summary>
    public string? TraceParent { get; init; }

    public IDictionary<string, string> ToBlobMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["source_url"] = Encode(SourceUrl),
            ["final_url"] = Encode(FinalUrl),
            ["fetched_at"] = FetchedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["http_status"] = HttpStatus.ToString(CultureInfo.InvariantCulture),
            ["sha256"] = Sha256,
            ["crawler_version"] = Encode(CrawlerVersion),
        };
        Add(metadata, "content_type", ContentType);
        Add(metadata, "charset", Charset);
        Add(metadata, "etag", ETag);
        Add(metadata, "last_modified", LastModified);
        Add(metadata, "source_id", SourceId);
        Add(metadata, "agency", Agency);
        Add(metadata, "region", Region);
        Add(metadata, "traceparent", TraceParent);
        return metadata;
    }

    /// <summary>Reads metadata written by <see cref="ToBlobMetadata"/>; null when required keys are missing.</summary>
    public static CaptureMetadata? FromBlobMetadata(IDictionary<string, string> metadata)
    {
        // The service returns metadata keys lower-cased; look them up case-insensitively anyway.
        var values = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        if (!values.TryGetValue("source_url", out var source) ||
            !values.TryGetValue("fetched_at", out var fetched) ||
            !values.TryGetValue("sha256", out var sha) ||
            !DateTimeOffset.TryParse(fetched, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fetchedAt))
        {
            return null;
        }

        return new CaptureMetadata
        {
            SourceUrl = Decode(source),
            FinalUrl = values.TryGetValue("final_url", out var final) ? Decode(final) : Decode(source),
            FetchedAt = fetchedAt,
            HttpStatus = values.TryGetValue("http_status", out var status) && int.TryParse(status, CultureInfo.InvariantCulture, out var code) ? code : 200,
            Sha256 = sha,
            CrawlerVersion = values.TryGetValue("crawler_version", out var version) ? Decode(version) : "unknown",
            ContentType = Get(values, "content_type"),
            Charset = Get(values, "charset"),
            ETag = Get(values, "etag"),
            LastModified = Get(values, "last_modified"),
            SourceId = Get(values, "source_id"),
            Agency = Get(values, "agency"),
            Region = Get(values, "region"),
            TraceParent = Get(values, "traceparent"),
        };
    }

    private static void Add(Dictionary<string, string> metadata, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            metadata[key] = Encode(value);
        }
    }

    private static string? Get(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) ? Decode(value) : null;

    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static string Decode(string value) => Uri.UnescapeDataString(value);
}
