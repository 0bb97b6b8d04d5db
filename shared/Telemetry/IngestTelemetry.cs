using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ingest.Telemetry;

/// <summary>
/// The pipeline's traces and metrics, defined once. The core library only emits through
/// System.Diagnostics; hosts decide where it goes (console locally, Azure Monitor in Azure) by
/// subscribing to <see cref="SourceName"/> with OpenTelemetry.
/// </summary>
public static class IngestTelemetry
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string SourceName = "Ingest";

    public static readonly ActivitySource Source = new(SourceName, Version);

    public static readonly Meter Meter = new(SourceName, Version);

    /// <summary>Pages by outcome (fetched, unchanged, robots_denied, failed), failure kind and host.</summary>
    public static readonly Counter<long> CrawlPages = Meter.CreateCounter<long>(
        "ingest.crawl.pages", "{page}", "Pages the crawler finished, by outcome, failure kind and host.");

    /// <summary>URLs robots.txt did not let the crawler fetch, by host.</summary>
    public static readonly Counter<long> RobotsDenials = Meter.CreateCounter<long>(
        "ingest.crawl.robots_denials", "{url}", "URLs denied by robots.txt, by host.");

    /// <summary>Retries of a request, by host and reason (status code or exception kind).</summary>
    public static readonly Counter<long> CrawlRetries = Meter.CreateCounter<long>(
        "ingest.crawl.retries", "{retry}", "Request retries, by host and reason.");

    /// <summary>Per-host circuit breaker transitions, by host and state (opened, closed, half_open).</summary>
    public static readonly Counter<long> BreakerTransitions = Meter.CreateCounter<long>(
        "ingest.crawl.breaker_transitions", "{transition}", "Per-host circuit breaker state changes.");

    /// <summary>Raw captures written to blob storage, by host.</summary>
    public static readonly Counter<long> BlobsWritten = Meter.CreateCounter<long>(
        "ingest.archive.blobs_written", "{blob}", "New raw captures archived, by host.");

    /// <summary>Handled raw blobs by outcome (written, already_done, quarantined, superseded, failed, poisoned) and era.</summary>
    public static readonly Counter<long> ParseOutcomes = Meter.CreateCounter<long>(
        "ingest.parse.outcomes", "{blob}", "Raw blobs handled by the parse stage, by outcome and era.");

    /// <summary>Arithmetic checks that failed, by rule and era.</summary>
    public static readonly Counter<long> FailedChecks = Meter.CreateCounter<long>(
        "ingest.parse.failed_checks", "{check}", "Failed arithmetic checks (I1–I4), by rule and era.");

    /// <summary>Report records written (a re-parse counts again), by era.</summary>
    public static readonly Counter<long> RecordsWritten = Meter.CreateCounter<long>(
        "ingest.records.written", "{report}", "Report records written to Table Storage, by era.");

    /// <summary>Lookup API requests, by route and status code.</summary>
    public static readonly Counter<long> ApiRequests = Meter.CreateCounter<long>(
        "ingest.api.requests", "{request}", "Lookup API requests, by route and status code.");

    /// <summary>Lookup API request duration, by route and status code.</summary>
    public static readonly Histogram<double> ApiDuration = Meter.CreateHistogram<double>(
        "ingest.api.duration", "ms", "Lookup API request duration, by route and status code.");

    /// <summary>
    /// Starts an activity of <see cref="Source"/> (null when nobody listens). The Functions invocation id,
    /// which the invocation endpoint puts in the trace's baggage, is copied onto it as an attribute, so
    /// every span of a page (crawl, blob, parse) can be found by the id the Functions host logged.
    /// </summary>
    public static Activity? StartActivity(string name, ActivityKind kind = ActivityKind.Internal)
    {
        var activity = Source.StartActivity(name, kind);
        if (activity?.GetBaggageItem(Tags.InvocationId) is { Length: > 0 } invocationId)
        {
            activity.SetTag(Tags.InvocationId, invocationId);
        }

        return activity;
    }

    /// <summary>Attribute names shared by traces, metrics and logs.</summary>
    public static class Tags
    {
        public const string Host = "ingest.host";
        public const string Url = "url.full";
        public const string Outcome = "ingest.outcome";
        public const string FailureKind = "ingest.failure_kind";
        public const string BlobName = "ingest.blob_name";
        public const string ReportId = "ingest.report_id";
        public const string Era = "ingest.era";
        public const string Rule = "ingest.check_rule";
        public const string Reason = "ingest.reason";
        public const string State = "ingest.state";
        public const string Route = "http.route";
        public const string StatusCode = "http.response.status_code";
        public const string PageKind = "ingest.page_kind";

        /// <summary>The Functions host's X-Azure-Functions-InvocationId, when a host invoked us.</summary>
        public const string InvocationId = "faas.invocation_id";
    }

    private const string Version = "1.0.0";
}
