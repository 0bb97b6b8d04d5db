using System.Diagnostics;
using Ingest.Archive;
using Ingest.Crawling;
using Ingest.Records;
using Ingest.Telemetry;
using Ingest.Tests.Crawling;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest.Tests.Operations;

/// <summary>A crawl of the fixture site and the parse of its captures emit the metrics and traces operators read.</summary>
public sealed class PipelineTelemetryTests
{
    private const string RetriedReport = "/xxgk/ndbg/202401/t20240115_110771.html";

    [Fact]
    public async Task Crawl_and_parse_emit_page_robots_retry_blob_parse_and_record_metrics_and_a_linked_trace()
    {
        using var capture = new TelemetryCapture();
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        // One report answers 503 first: the retry policy's callback must count it.
        site.Map(RetriedReport, FixtureSiteResponse.StatusOnly(503), FixtureSiteResponse.Bytes(FixtureSiteSample.PageBytes(RetriedReport), "text/html; charset=utf-8"));
        await using var crawler = await CrawlerHarness.StartAsync();
        var seeds = SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test");

        var summary = await crawler.CrawlAsync(seeds);

        var host = site.Authority;
        var hostTag = (IngestTelemetry.Tags.Host, (object?)host);
        Assert.Equal(summary.PagesFetched, capture.Sum("ingest.crawl.pages", hostTag, (IngestTelemetry.Tags.Outcome, "fetched")));
        Assert.Equal(FixtureSiteSample.Reports.Count + FixtureSiteSample.ListingPaths.Count, summary.PagesFetched);
        Assert.Equal(1, capture.Sum("ingest.crawl.pages", hostTag, (IngestTelemetry.Tags.Outcome, "robots_denied")));
        Assert.Equal(1, capture.Sum("ingest.crawl.robots_denials", hostTag));
        Assert.Equal(1, capture.Sum("ingest.crawl.retries", hostTag, (IngestTelemetry.Tags.Reason, "503")));
        Assert.Equal(FixtureSiteSample.Reports.Count, capture.Sum("ingest.archive.blobs_written", hostTag));

        // Every archived page has a crawl span with its blob name, and the blob carries that span's traceparent.
        var captures = await crawler.CapturesAsync();
        var pageSpans = capture.Activities.Where(a => a.OperationName == "ingest.crawl.page" && (string?)a.GetTagItem(IngestTelemetry.Tags.Host) == host).ToList();
        foreach (var stored in captures)
        {
            var span = Assert.Single(pageSpans, s => (string?)s.GetTagItem(IngestTelemetry.Tags.BlobName) == stored.Name);
            Assert.Equal(span.Id, stored.Metadata.TraceParent);
            Assert.Equal("fetched", span.GetTagItem(IngestTelemetry.Tags.Outcome));
        }

        Assert.Contains(pageSpans, s => s.Events.Any(e => e.Name == "ingest.retry"));
        var hostSpan = Assert.Single(capture.Activities, a => a.OperationName == "ingest.crawl.host" && (string?)a.GetTagItem(IngestTelemetry.Tags.Host) == host);
        Assert.All(pageSpans, s => Assert.Equal(hostSpan.TraceId, s.TraceId));

        // Parse every capture in a new trace (as the blob trigger would, later): each parse span links to its crawl span.
        var parser = new SiteParser();
        await using var records = RecordsServices(crawler, parser);
        var handler = records.GetRequiredService<ParseReportHandler>();
        var outcomes = new List<ParseHandling>();
        foreach (var stored in captures)
        {
            var previous = Activity.Current;
            Activity.Current = null;
            outcomes.Add(await handler.HandleAsync(stored.Name, null, CancellationToken.None));
            Activity.Current = previous;
        }

        var blobNames = captures.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var parseSpans = capture.Activities.Where(a => a.OperationName == "ingest.parse" && blobNames.Contains((string)a.GetTagItem(IngestTelemetry.Tags.BlobName)!)).ToList();
        Assert.Equal(captures.Count, parseSpans.Count);
        foreach (var span in parseSpans)
        {
            var blob = (string)span.GetTagItem(IngestTelemetry.Tags.BlobName)!;
            var crawlSpan = Assert.Single(pageSpans, s => (string?)s.GetTagItem(IngestTelemetry.Tags.BlobName) == blob);
            var link = Assert.Single(span.Links);
            Assert.Equal(crawlSpan.TraceId, link.Context.TraceId);
            Assert.Equal(crawlSpan.SpanId, link.Context.SpanId);
            Assert.NotEqual(crawlSpan.TraceId, span.TraceId);
        }

        // Outcomes by era and failing check, records written: the parse span's blob names select this test's measurements.
        var written = outcomes.Count(o => o.Outcome == ParseOutcomeKind.Written);
        var quarantined = outcomes.Count(o => o.Outcome == ParseOutcomeKind.Quarantined);
        Assert.Equal(captures.Count - 1, written);
        Assert.Equal(1, quarantined);
        Assert.Equal(written, parseSpans.Count(s => (string?)s.GetTagItem(IngestTelemetry.Tags.Outcome) == "written" && (string?)s.GetTagItem(IngestTelemetry.Tags.Era) == "gb2021"));
        var notReport = Assert.Single(parseSpans, s => (string?)s.GetTagItem(IngestTelemetry.Tags.Outcome) == "quarantined");
        Assert.Equal(FailureKind.NotAReport, notReport.GetTagItem(IngestTelemetry.Tags.FailureKind));
        Assert.True(capture.Sum("ingest.parse.outcomes", (IngestTelemetry.Tags.Outcome, "written"), (IngestTelemetry.Tags.Era, "gb2021")) >= written);
        Assert.True(capture.Sum("ingest.parse.outcomes", (IngestTelemetry.Tags.Outcome, "quarantined"), (IngestTelemetry.Tags.FailureKind, FailureKind.NotAReport)) >= 1);
        Assert.True(capture.Sum("ingest.records.written", (IngestTelemetry.Tags.Era, "gb2021")) >= written);
        // RecordSamples.Gb2021 has one failing check, I3.
        Assert.True(capture.Sum("ingest.parse.failed_checks", (IngestTelemetry.Tags.Rule, "I3"), (IngestTelemetry.Tags.Era, "gb2021")) >= written);
    }

    [Fact]
    public async Task A_host_that_keeps_failing_opens_its_circuit_breaker_and_the_transition_is_counted()
    {
        using var capture = new TelemetryCapture();
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        site.Map(FixtureSiteSample.ListingPath, FixtureSiteResponse.StatusOnly(503), FixtureSiteResponse.StatusOnly(503), FixtureSiteResponse.StatusOnly(503), FixtureSiteResponse.StatusOnly(503));
        await using var crawler = await CrawlerHarness.StartAsync(new Dictionary<string, string?> { ["CircuitBreakerFailures"] = "2", ["MaxRetries"] = "3" });

        var summary = await crawler.CrawlAsync(SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test"));

        Assert.True(summary.Failures >= 1);
        Assert.Equal(1, capture.Sum("ingest.crawl.breaker_transitions", (IngestTelemetry.Tags.Host, site.Authority), (IngestTelemetry.Tags.State, "opened")));
        Assert.True(capture.Sum("ingest.crawl.pages", (IngestTelemetry.Tags.Host, site.Authority), (IngestTelemetry.Tags.Outcome, "failed")) >= 1);
    }

    private static ServiceProvider RecordsServices(CrawlerHarness crawler, SiteParser parser)
    {
        var services = new ServiceCollection();
        services.AddSingleton(crawler.Storage);
        services.AddIngestCore(new ConfigurationBuilder().Build());
        services.Replace(ServiceDescriptor.Singleton(parser.Release));
        return services.BuildServiceProvider();
    }
}
