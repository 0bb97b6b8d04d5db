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

    /// <summary>One partition per report: the record, its cells, checks and warnings (docs/table-model.md).</summary>
    public string ReportsTable => TablePrefix + "Reports";

    /// <summary>Secondary index entities: reports by year, agency, era and check status; the agency list.</summary>
    public string ReportIndexTable => TablePrefix + "ReportIndex";

    /// <summary>One figure across all reports of a year.</summary>
    public string FiguresTable => TablePrefix + "Figures";

    /// <summary>One receipt per raw blob + ETag + parser version (attempts and watcher claims too).</summary>
    public string ParseReceiptsTable => TablePrefix + "ParseReceipts";

    /// <summary>Quarantined raw blobs: not a report, unkeyable, poison.</summary>
    public string ParseFailuresTable => TablePrefix + "ParseFailures";

    /// <summary>Record text too long for a table property (over 32 K characters).</summary>
    public string RecordTextContainer => RawContainer + "-text";

    /// <summary>One entity per finished host crawl, newest first (the operator's <c>status</c> verb).</summary>
    public string CrawlRunsTable => TablePrefix + "CrawlRuns";

    /// <summary>A layout whose names no other test uses. <paramref name="token"/>: lowercase letters and digits.</summary>
    public static StorageLayout Isolated(string token) => new()
    {
        RawContainer = $"raw-{token}",
        LeaseContainer = $"leases-{token}",
        CrawlQueue = $"crawl-{token}",
        TablePrefix = "t" + token,
    };
}
