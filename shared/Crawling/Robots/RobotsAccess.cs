namespace Ingest.Crawling.Robots;

/// <summary>How a host's robots.txt was obtained (RFC 9309 §2.3.1).</summary>
public enum RobotsAccess
{
    /// <summary>2xx: the rules in the file apply.</summary>
    Parsed,

    /// <summary>4xx (except 429): "unavailable" — everything may be crawled.</summary>
    Unavailable,

    /// <summary>5xx, 429, network error or refused redirect: "unreachable" — nothing may be crawled.</summary>
    Unreachable,
}
