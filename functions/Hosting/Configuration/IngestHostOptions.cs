namespace Ingest.Functions.Hosting.Configuration;

/// <summary>
/// Settings of the function app, the same in both hosts: under the Functions host they are app settings,
/// standalone they are environment variables (or any other configuration source) with the same names.
/// <c>CRAWL_SCHEDULE</c> keeps the Functions name because function.json reads <c>%CRAWL_SCHEDULE%</c>;
/// the rest live under <c>Ingest:Host</c> (<c>Ingest__Host__Port</c>). Storage is <c>AzureWebJobsStorage</c>.
/// </summary>
public sealed class IngestHostOptions
{
    public const string Section = "Ingest:Host";

    /// <summary>The app setting the timer function and the standalone schedule both read.</summary>
    public const string ScheduleSetting = "CRAWL_SCHEDULE";

    /// <summary>Nightly at 02:00 UTC.</summary>
    public const string DefaultSchedule = "0 0 2 * * *";

    /// <summary>6-field NCRONTAB (second minute hour day month weekday), UTC.</summary>
    public string CrawlSchedule { get; set; } = DefaultSchedule;

    /// <summary>The seeds file; a relative path is resolved against the app root.</summary>
    public string SeedsPath { get; set; } = "seeds.json";

    /// <summary>The standalone host's HTTP port for <c>/api</c> (loopback unless <see cref="ListenAnyAddress"/>).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Listen on every interface instead of loopback only (standalone; e.g. inside a container).</summary>
    public bool ListenAnyAddress { get; set; }

    /// <summary>Tries before a crawl request goes to the poison queue; host.json's <c>queues.maxDequeueCount</c> is the same.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received crawl request stays invisible to other consumers (one host's crawl must fit).</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 600;

    /// <summary>How long a failed crawl request waits before its next try.</summary>
    public int RetryDelaySeconds { get; set; } = 30;

    /// <summary>How often an empty crawl queue is polled again.</summary>
    public double QueuePollSeconds { get; set; } = 5;

    /// <summary>How often the raw container is scanned for blobs to parse (the blob trigger's twin).</summary>
    public double BlobPollSeconds { get; set; } = 10;

    /// <summary>Hosts crawled at once; each host is still crawled one request at a time.</summary>
    public int CrawlConcurrency { get; set; } = 4;

    /// <summary>Largest invocation body the handler accepts: a base64 blob is 4/3 of the page, and the host sends it whole.</summary>
    public long MaxInvocationBodyBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>The environment variable that sets a property, for error messages.</summary>
    public static string EnvironmentName(string property) =>
        property == nameof(CrawlSchedule) ? ScheduleSetting : Section.Replace(":", "__", StringComparison.Ordinal) + "__" + property;

    public string ResolvedSeedsPath() =>
        Path.IsPathRooted(SeedsPath) ? SeedsPath : Path.Combine(AppRoot(), SeedsPath);

    /// <summary>The Functions host names the app root; standalone it is the working directory.</summary>
    public static string AppRoot() =>
        Environment.GetEnvironmentVariable("FUNCTIONS_APP_ROOT_PATH") is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();
}
