using System.Text;

namespace Ingest.Tests.Infrastructure;

/// <summary>What the fixture site answers for a path: status, headers, body bytes and an optional fault.</summary>
public sealed record FixtureSiteResponse
{
    public int Status { get; init; } = 200;
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Sent as ETag; a request whose If-None-Match equals it gets 304.</summary>
    public string? ETag { get; init; }

    /// <summary>Sent as Last-Modified; a request whose If-Modified-Since equals it gets 304 (when no ETag decides).</summary>
    public string? LastModified { get; init; }

    public FixtureSiteFault Fault { get; init; }

    /// <summary>Wait before sending headers (a slow server).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>When set, the body is sent in <see cref="ChunkSize"/>-byte pieces this far apart (a slow drip).</summary>
    public TimeSpan ChunkDelay { get; init; }

    public int ChunkSize { get; init; } = 1024;

    /// <summary>A page; <paramref name="charset"/> null sends "text/html" without a charset parameter.</summary>
    public static FixtureSiteResponse Html(string html, string? charset = "utf-8") => new()
    {
        Body = Encoding.UTF8.GetBytes(html),
        ContentType = charset is null ? "text/html" : $"text/html; charset={charset}",
    };

    /// <summary>Bytes as they are (e.g. a GBK page read from a fixture file).</summary>
    public static FixtureSiteResponse Bytes(byte[] body, string contentType = "text/html") => new() { Body = body, ContentType = contentType };

    public static FixtureSiteResponse Text(string text, int status = 200) => new()
    {
        Status = status,
        Body = Encoding.UTF8.GetBytes(text),
        ContentType = "text/plain; charset=utf-8",
    };

    /// <summary>A bare status; <paramref name="retryAfter"/> is sent verbatim (seconds or an HTTP-date).</summary>
    public static FixtureSiteResponse StatusOnly(int status, string? retryAfter = null) => new()
    {
        Status = status,
        Body = Encoding.UTF8.GetBytes($"status {status}"),
        ContentType = "text/plain",
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    public static FixtureSiteResponse Redirect(string location, int status = 301) => new()
    {
        Status = status,
        Headers = new Dictionary<string, string> { ["Location"] = location },
    };
}
