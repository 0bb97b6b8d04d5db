using Ingest.Archive;
using Ingest.Crawling.Discovery;
using Ingest.Crawling.Http;
using Ingest.Crawling.Robots;
using Ingest.Crawling.State;
using Ingest.Telemetry;
using Microsoft.Extensions.Logging;

namespace Ingest.Crawling;

/// <summary>
/// Crawls the sources of one host politely and archives what changed. For each source: listing pages
/// (robots-checked, fetched unconditionally because their links are needed, never archived) yield report
/// links and further listing pages within the source's limits; report pages are fetched conditionally and
/// archived when their bytes are new. Every URL's outcome goes to crawl state; site failures are recorded,
/// never thrown.
/// </summary>
public sealed partial class HostCrawler
{
    private readonly PageFetcher fetcher;
    private readonly RobotsCache robots;
    private readonly CrawlStateStore states;
    private readonly CaptureArchive archive;
    private readonly TimeProvider time;
    private readonly ILogger<HostCrawler> logger;

    public HostCrawler(PageFetcher fetcher, RobotsCache robots, CrawlStateStore states, CaptureArchive archive, TimeProvider time, ILogger<HostCrawler> logger)
    {
        this.fetcher = fetcher;
        this.robots = robots;
        this.states = states;
        this.archive = archive;
        this.time = time;
        this.logger = logger;
    }

    public async Task<CrawlSummary> CrawlAsync(CrawlRequest request, SeedFile seeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(seeds);
        var host = request.Host.ToLowerInvariant();
        using var activity = IngestTelemetry.StartActivity("ingest.crawl.host");
        activity?.SetTag(IngestTelemetry.Tags.Host, host);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Host"] = host });
        var tally = new CrawlTally(host);
        var reportsSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in request.SourceIds)
        {
            var source = seeds.Find(id);
            if (source is null)
            {
                LogUnknownSource(id, host);
                tally.Fail("unknown_source");
                continue;
            }

            await CrawlSourceAsync(host, source, tally, reportsSeen, cancellationToken);
        }

        var summary = tally.ToSummary();
        activity?.SetTag("ingest.pages_fetched", summary.PagesFetched);
        activity?.SetTag("ingest.new_blobs", summary.NewBlobs);
        activity?.SetTag("ingest.failures", summary.Failures);
        LogSummary(host, summary.PagesFetched, summary.Unchanged, summary.NewBlobs, summary.RobotsDenied, summary.Failures);
        return summary;
    }

    private async Task CrawlSourceAsync(string host, SeedSource source, CrawlTally tally, HashSet<string> reportsSeen, CancellationToken cancellationToken)
    {
        var scope = FetchScope.For(source);
        var filter = new ReportLinkFilter(source.LinkPattern);
        var pending = new Queue<Uri>(source.ListingUrls.Where(u => string.Equals(u.Authority, host, StringComparison.OrdinalIgnoreCase)));
        var listingsSeen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<Uri>();
        while (pending.Count > 0 && listingsSeen.Count < source.MaxListingPages)
        {
            var url = pending.Dequeue();
            if (!listingsSeen.Add(url.AbsoluteUri))
            {
                continue;
            }

            var page = await VisitListingAsync(host, source, scope, url, tally, cancellationToken);
            if (page is null)
            {
                continue;
            }

            foreach (var link in page.Links)
            {
                if (reports.Count < source.MaxReports && scope.Contains(link.Url) && filter.IsReport(link.Title) && reportsSeen.Add(link.Url.AbsoluteUri))
                {
                    reports.Add(link.Url);
                }
            }

            foreach (var next in page.NextPages)
            {
                if (scope.Contains(next) && !listingsSeen.Contains(next.AbsoluteUri))
                {
                    pending.Enqueue(next);
                }
            }
        }

        foreach (var report in reports)
        {
            await VisitReportAsync(host, source, scope, report, tally, cancellationToken);
        }
    }

    private async Task<ListingPage?> VisitListingAsync(string host, SeedSource source, FetchScope scope, Uri url, CrawlTally tally, CancellationToken cancellationToken)
    {
        var previous = await states.GetAsync(host, url.AbsoluteUri, cancellationToken);
        if (!await AllowedAsync(host, source, scope, url, CrawlPageKind.Listing, previous, tally, cancellationToken))
        {
            return null;
        }

        using var result = await fetcher.FetchAsync(url, scope, validators: null, cancellationToken);
        var now = time.GetUtcNow();
        if (result.Status != FetchStatus.Ok || result.Body is null)
        {
            await RecordFailureAsync(host, source, url, CrawlPageKind.Listing, previous, result, tally, cancellationToken);
            return null;
        }

        var body = result.Body;
        var charset = CharsetDetector.Detect(body.Head.Span, result.HeaderCharset);
        var outcome = previous?.Sha256 == body.Sha256 ? CrawlOutcome.Unchanged : CrawlOutcome.Fetched;
        tally.Record(outcome, null);
        await SaveFetchedAsync(host, source, url, CrawlPageKind.Listing, previous, result, outcome, charset, blobName: null, now, cancellationToken);

        var html = CharsetDetector.EncodingFor(charset).GetString(await body.ToArrayAsync(cancellationToken));
        return ListingPage.Parse(html, result.FinalUrl);
    }

    private async Task VisitReportAsync(string host, SeedSource source, FetchScope scope, Uri url, CrawlTally tally, CancellationToken cancellationToken)
    {
        // One span per report page: its blob's metadata carries this span's traceparent to the parse.
        using var activity = IngestTelemetry.StartActivity("ingest.crawl.page");
        activity?.SetTag(IngestTelemetry.Tags.Host, host);
        activity?.SetTag(IngestTelemetry.Tags.Url, url.AbsoluteUri);
        activity?.SetTag(IngestTelemetry.Tags.PageKind, "report");
        var previous = await states.GetAsync(host, url.AbsoluteUri, cancellationToken);
        if (!await AllowedAsync(host, source, scope, url, CrawlPageKind.Report, previous, tally, cancellationToken))
        {
            return;
        }

        var validators = previous?.BlobName is null ? null : new Validators(previous.ETag, previous.LastModified);
        using var result = await fetcher.FetchAsync(url, scope, validators, cancellationToken);
        var now = time.GetUtcNow();
        if (result.Status == FetchStatus.NotModified && previous is not null)
        {
            tally.Record(CrawlOutcome.Unchanged, null);
            await states.SaveAsync(previous with
            {
                Outcome = CrawlOutcome.Unchanged,
                HttpStatus = result.HttpStatus,
                FailureKind = null,
                FailureReason = null,
                LastAttemptAt = now,
                ETag = result.ETag,
                LastModified = result.LastModified,
            }, cancellationToken);
            return;
        }

        if (result.Status != FetchStatus.Ok || result.Body is null)
        {
            await RecordFailureAsync(host, source, url, CrawlPageKind.Report, previous, result, tally, cancellationToken);
            return;
        }

        var body = result.Body;
        var charset = CharsetDetector.Detect(body.Head.Span, result.HeaderCharset);
        var blobName = CaptureBlobName.For(url, body.Sha256);
        activity?.SetTag(IngestTelemetry.Tags.BlobName, blobName);
        var outcome = CrawlOutcome.Unchanged;
        if (previous?.Sha256 != body.Sha256 || previous.BlobName is null)
        {
            outcome = CrawlOutcome.Fetched;
            var metadata = new CaptureMetadata
            {
                SourceUrl = url.AbsoluteUri,
                FinalUrl = result.FinalUrl.AbsoluteUri,
                FetchedAt = now,
                HttpStatus = result.HttpStatus,
                ContentType = result.ContentType,
                Charset = charset,
                ETag = result.ETag,
                LastModified = result.LastModified,
                Sha256 = body.Sha256,
                CrawlerVersion = CrawlerVersion.Label,
                SourceId = source.Id,
                Agency = source.Agency,
                Region = source.Region,
                TraceParent = activity?.IdFormat == System.Diagnostics.ActivityIdFormat.W3C ? activity.Id : null,
            };
            await using var stream = body.OpenRead();
            if (await archive.WriteAsync(blobName, stream, metadata, cancellationToken))
            {
                tally.NewBlob();
            }
        }

        tally.Record(outcome, null);
        activity?.SetTag(IngestTelemetry.Tags.Outcome, outcome == CrawlOutcome.Fetched ? "fetched" : "unchanged");
        await SaveFetchedAsync(host, source, url, CrawlPageKind.Report, previous, result, outcome, charset, blobName, now, cancellationToken);
    }

    /// <summary>The crawl state of a page fetched in full (200), changed or not.</summary>
    private Task SaveFetchedAsync(
        string host, SeedSource source, Uri url, CrawlPageKind kind, CrawlState? previous, FetchResult result,
        CrawlOutcome outcome, string? charset, string? blobName, DateTimeOffset now, CancellationToken cancellationToken) =>
        states.SaveAsync(new CrawlState
        {
            Url = url.AbsoluteUri,
            Host = host,
            Kind = kind,
            SourceId = source.Id,
            Outcome = outcome,
            HttpStatus = result.HttpStatus,
            LastAttemptAt = now,
            LastChangedAt = outcome == CrawlOutcome.Fetched ? now : previous?.LastChangedAt,
            ETag = result.ETag,
            LastModified = result.LastModified,
            Sha256 = result.Body!.Sha256,
            BlobName = blobName,
            FinalUrl = result.FinalUrl.AbsoluteUri,
            Charset = charset,
        }, cancellationToken);

    private async Task<bool> AllowedAsync(
        string host, SeedSource source, FetchScope scope, Uri url, CrawlPageKind kind, CrawlState? previous, CrawlTally tally, CancellationToken cancellationToken)
    {
        var policy = await robots.GetAsync(url, scope, cancellationToken);
        if (policy.IsAllowed(url))
        {
            return true;
        }

        tally.Record(CrawlOutcome.RobotsDenied, null);
        var reason = policy.Access == RobotsAccess.Unreachable ? policy.Reason : "disallowed by robots.txt";
        await states.SaveAsync(Carry(previous, host, source, url, kind) with
        {
            Outcome = CrawlOutcome.RobotsDenied,
            HttpStatus = 0,
            FailureKind = null,
            FailureReason = reason,
            LastAttemptAt = time.GetUtcNow(),
        }, cancellationToken);
        return false;
    }

    private async Task RecordFailureAsync(
        string host, SeedSource source, Uri url, CrawlPageKind kind, CrawlState? previous, FetchResult result, CrawlTally tally, CancellationToken cancellationToken)
    {
        var failureKind = result.FailureKind ?? FailureClassifier.Error;
        tally.Record(CrawlOutcome.Failed, failureKind);
        System.Diagnostics.Activity.Current?.SetTag(IngestTelemetry.Tags.Outcome, "failed");
        System.Diagnostics.Activity.Current?.SetTag(IngestTelemetry.Tags.FailureKind, failureKind);
        LogFailure(url, failureKind, result.FailureReason);
        await states.SaveAsync(Carry(previous, host, source, url, kind) with
        {
            Outcome = CrawlOutcome.Failed,
            HttpStatus = result.HttpStatus,
            FailureKind = failureKind,
            FailureReason = result.FailureReason,
            LastAttemptAt = time.GetUtcNow(),
            FinalUrl = result.FinalUrl.AbsoluteUri,
        }, cancellationToken);
    }

    /// <summary>The previous state (its validators and digest stay valid through a failure), or a fresh one.</summary>
    private CrawlState Carry(CrawlState? previous, string host, SeedSource source, Uri url, CrawlPageKind kind) =>
        previous ?? new CrawlState
        {
            Url = url.AbsoluteUri,
            Host = host,
            Kind = kind,
            SourceId = source.Id,
            Outcome = CrawlOutcome.Failed,
            LastAttemptAt = time.GetUtcNow(),
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crawl request for {Host} names source {SourceId}, which the seeds file does not have")]
    private partial void LogUnknownSource(string sourceId, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Url}: failed ({Kind}) {Reason}")]
    private partial void LogFailure(Uri url, string kind, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawled {Host}: {Fetched} fetched, {Unchanged} unchanged, {NewBlobs} new blobs, {RobotsDenied} robots-denied, {Failures} failed")]
    private partial void LogSummary(string host, int fetched, int unchanged, int newBlobs, int robotsDenied, int failures);
}
