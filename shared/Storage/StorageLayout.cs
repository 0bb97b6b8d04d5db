namespace Ingest.Storage;

/// <summary>
/// Names of every container, queue and table Ingest uses. Production uses the defaults; tests give each
/// run its own names (<see cref="Isolated"/>) so they can share one Azurite in parallel.
/// </summary>
public sealed record StorageLayout
{
    /// <summary>Raw captures, bytes exactly as served. Never deleted by the pipeline.</summary>
    public string RawContainer { get; init; } = "raw";

    /// <summary>Blob leases for singletons (the standalone nightly schedule).</summary>
    public string LeaseContainer { get; init; } = "ingest-leases";

    /// <summary>One message per host and night; the Functions queue trigger listens here.</summary>
    public string CrawlQueue { get; init; } = "crawl-requests";

    /// <summary>Where the Functions host (and the standalone consumer) moves messages that kept failing.</summary>
    public string CrawlPoisonQueue => CrawlQueue + "-poison";

    /// <summary>Prepended to every table name (letters and digits only).</summary>
    public string TablePrefix { get; init; } = "";

    /// <summary>Per-URL crawl state: validators, hashes, last outcome.</summary>
    public string CrawlStateTable => TablePrefix + "CrawlState";

    /// <summary>A layout whose names no other test uses. <paramref name="token"/>: lowercase letters and digits.</summary>
    public static StorageLayout Isolated(string token) => new()
    {
        RawContainer = $"raw-{token}",
        LeaseContainer = $"leases-{token}",
        CrawlQueue = $"crawl-{token}",
        TablePrefix = "t" + token,
    };
}
