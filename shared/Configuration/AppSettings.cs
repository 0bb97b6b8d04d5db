namespace Ingest.Configuration;

/// <summary>
/// Every setting the app reads, once. <c>local.settings.sample.json</c>, the Bicep app settings
/// (<c>infra/modules/functionApp.bicep</c>) and the README's configuration table follow this list, and
/// Ingest.Tests.Infra fails when they or an options class (<c>public const string Section</c>) drift
/// from it. Adding a setting is one line here, then the test output says what to paste where.
/// </summary>
public static class AppSettings
{
    public static IReadOnlyList<AppSetting> All { get; } =
    [
        new("AzureWebJobsStorage", null, "Storage connection string for the host and the app; `UseDevelopmentStorage=true` for Azurite.", SettingScope.Local) { LocalValue = "UseDevelopmentStorage=true" },
        new("AzureWebJobsStorage__credential", null, "`managedidentity`: storage is reached with the app's identity instead of a connection string.", SettingScope.Azure),
        new("AzureWebJobsStorage__clientId", null, "Client id of the user-assigned identity that signs in to storage.", SettingScope.Azure),
        new("AzureWebJobsStorage__blobServiceUri", null, "Blob endpoint of the storage account (identity-based connection).", SettingScope.Azure),
        new("AzureWebJobsStorage__queueServiceUri", null, "Queue endpoint of the storage account (identity-based connection).", SettingScope.Azure),
        new("AzureWebJobsStorage__tableServiceUri", null, "Table endpoint of the storage account (identity-based connection).", SettingScope.Azure),
        new("FUNCTIONS_WORKER_RUNTIME", "custom", "Functions host only: this app is a custom handler. Flex Consumption rejects the setting and takes `functionAppConfig.runtime` instead.", SettingScope.Local),
        new("CRAWL_SCHEDULE", "0 0 2 * * *", "When the nightly crawl starts: 6-field NCRONTAB (second minute hour day month weekday), UTC."),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", null, "Where the host sends telemetry; optional locally (set it to send local runs to Application Insights too).", SettingScope.Azure),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", null, "`ClientId=<identity>;Authorization=AAD`: telemetry is sent with the app's identity (local auth is off).", SettingScope.Azure),

        // Crawler (Ingest:Crawler): politeness and resilience. Defaults sit at the archival-crawler end.
        new("Ingest__Crawler__ContactUrl", null, "Required to crawl. An absolute http(s) URL in the User-Agent where a site owner learns who crawls them and how to reach you.") { LocalValue = "https://replace-with-your-contact-page.example/" },
        new("Ingest__Crawler__UserAgentProduct", "IngestBot", "The product token in the User-Agent and the robots.txt group the crawler obeys."),
        new("Ingest__Crawler__MinDelaySeconds", "3", "Minimum gap between two requests to one host (one request at a time per host)."),
        new("Ingest__Crawler__MaxCrawlDelaySeconds", "60", "Largest robots.txt Crawl-delay honoured; larger values are capped."),
        new("Ingest__Crawler__MaxRetries", "2", "Retries after the first attempt, for transient failures only (network errors, 408, 429, 5xx)."),
        new("Ingest__Crawler__RetryBaseDelaySeconds", "2", "First retry backoff; doubles per retry, with jitter."),
        new("Ingest__Crawler__MaxRetryAfterSeconds", "120", "A Retry-After longer than this is not waited for: the URL fails for this run."),
        new("Ingest__Crawler__AttemptTimeoutSeconds", "30", "Timeout of one attempt: connect, headers and the whole body."),
        new("Ingest__Crawler__OverallTimeoutSeconds", "300", "Timeout of one URL including retries and politeness waits."),
        new("Ingest__Crawler__MaxBodyBytes", "10485760", "Bodies larger than this are not archived (outcome too_large)."),
        new("Ingest__Crawler__MaxRedirects", "5", "Redirects followed per URL (the crawler follows them itself, on the source's hosts only)."),
        new("Ingest__Crawler__CircuitBreakerFailures", "5", "Consecutive failed attempts to one host that open that host's circuit."),
        new("Ingest__Crawler__CircuitBreakSeconds", "300", "How long an open circuit keeps a host out of the crawl."),
        new("Ingest__Crawler__RobotsCacheHours", "24", "How long a fetched robots.txt is used (RFC 9309: at most 24 hours)."),
        new("Ingest__Crawler__RobotsMaxBytes", "524288", "How much of a robots.txt is parsed (RFC 9309: at least 500 KiB)."),
        new("Ingest__Crawler__AllowPrivateAddresses", "false", "Let sources reach private, link-local and loopback addresses (the local demo site only; never in production)."),

        // Records (Ingest:Records): the parse stage.
        new("Ingest__Records__MaxAttempts", "5", "Failed handlings of one blob before it is recorded as poison (the Functions blob trigger also stops at 5)."),
        new("Ingest__Records__WriteConcurrency", "8", "Table transactions one report write sends at once."),
        new("Ingest__Records__WatcherConcurrency", "2", "Blobs the standalone watcher parses at once."),
        new("Ingest__Records__ClaimDuration", "00:02:00", "How long a watcher's claim on a blob lasts before another watcher may take it over."),
        new("Ingest__Records__ReportLockWait", "00:01:00", "How long a write waits for another writer of the same report."),
        new("Ingest__Records__RetryDelay", "00:00:02", "Pause before the watcher retries a blob whose handling failed."),

        // Lookup API (Ingest:Api).
        new("Ingest__Api__ApiKey", null, "Standalone host: when set (16+ characters), every /api route but /api/health needs it in the x-api-key header. In Azure the function key protects the API instead.", SettingScope.Local),
        new("Ingest__Api__RequireKeyOnLoopback", "false", "Standalone host: also require the API key from loopback callers.", SettingScope.Local),

        // Function app and standalone host (Ingest:Host).
        new("Ingest__Host__SeedsPath", "seeds.json", "The seeds file (sources to crawl); a relative path is resolved against the app root."),
        new("Ingest__Host__MaxDequeueCount", "5", "Tries before a crawl request goes to the poison queue (host.json queues.maxDequeueCount matches)."),
        new("Ingest__Host__VisibilityTimeoutSeconds", "600", "Standalone: how long a received crawl request stays invisible to other consumers.", SettingScope.Local),
        new("Ingest__Host__RetryDelaySeconds", "30", "Standalone: how long a failed crawl request waits before its next try.", SettingScope.Local),
        new("Ingest__Host__QueuePollSeconds", "5", "Standalone: how often an empty crawl queue is polled again.", SettingScope.Local),
        new("Ingest__Host__BlobPollSeconds", "10", "Standalone: how often the raw container is scanned for blobs to parse.", SettingScope.Local),
        new("Ingest__Host__CrawlConcurrency", "4", "Standalone: hosts crawled at once (each host still one request at a time).", SettingScope.Local),
        new("Ingest__Host__Port", "7071", "Standalone: the HTTP port of /api.", SettingScope.Local),
        new("Ingest__Host__ListenAnyAddress", "false", "Standalone: listen on every interface instead of loopback only.", SettingScope.Local),
        new("Ingest__Telemetry__Console", "false", "Write traces, metrics and logs to stdout too (local diagnosis; off so CLI output stays readable).", SettingScope.Local),
        new("Ingest__Host__MaxInvocationBodyBytes", "134217728", "Largest invocation body the custom handler accepts (a blob arrives base64-encoded, 4/3 of its size)."),
    ];

    public static AppSetting? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
