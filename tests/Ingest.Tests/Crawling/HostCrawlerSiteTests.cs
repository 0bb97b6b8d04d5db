using Ingest.Crawling;
using Ingest.Crawling.State;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Crawling;

/// <summary>The crawler against the sample gov column on a real Kestrel site, archiving into Azurite.</summary>
public sealed class HostCrawlerSiteTests
{
    [Fact]
    public async Task Crawls_listing_and_paginated_listings_to_every_report_and_archives_them_byte_exact()
    {
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        await using var harness = await CrawlerHarness.StartAsync();
        var seeds = SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test");

        var summary = await harness.CrawlAsync(seeds);

        var captures = await harness.CapturesAsync();
        Assert.Equal(FixtureSiteSample.Reports.Count, captures.Count);
        foreach (var (path, _) in FixtureSiteSample.Reports)
        {
            var capture = Assert.Single(captures, c => c.Metadata.SourceUrl == site.Url(path).AbsoluteUri);
            Assert.Equal(FixtureSiteSample.PageBytes(path), capture.Bytes);
            Assert.Equal(200, capture.Metadata.HttpStatus);
            Assert.Equal("fixture-gov", capture.Metadata.SourceId);
            Assert.Equal("长沙市国资委", capture.Metadata.Agency);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(capture.Bytes)), capture.Metadata.Sha256);
            Assert.EndsWith("/" + capture.Metadata.Sha256, capture.Name, StringComparison.Ordinal);
            Assert.StartsWith(site.Authority.Replace(':', '_') + "/", capture.Name, StringComparison.Ordinal);
            Assert.Equal(CrawlerVersion.Label, capture.Metadata.CrawlerVersion);
            Assert.Equal(FixtureSiteSample.GbkReports.Contains(path) ? "GB18030" : "UTF-8", capture.Metadata.Charset);
        }

        Assert.Equal(FixtureSiteSample.Reports.Count, summary.NewBlobs);
        Assert.Equal(FixtureSiteSample.Reports.Count + FixtureSiteSample.ListingPaths.Count, summary.PagesFetched);
        Assert.Equal(1, summary.RobotsDenied);
        Assert.Equal(0, summary.Failures);

        // What the site saw: robots.txt first, every listing page and report once, nothing excluded or disallowed.
        var requests = site.Requests;
        Assert.Equal("/robots.txt", requests[0].PathAndQuery);
        foreach (var path in FixtureSiteSample.ListingPaths.Concat(FixtureSiteSample.Reports.Keys))
        {
            Assert.Single(site.RequestsFor(path));
        }

        foreach (var path in FixtureSiteSample.NotReports)
        {
            Assert.Empty(site.RequestsFor(path));
        }

        Assert.All(requests, r => Assert.StartsWith("IngestBot/", r.Header("User-Agent"), StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Contains("+https://ingest.example.org/crawler", r.Header("User-Agent"), StringComparison.Ordinal));
        AssertSpacing(requests, TimeSpan.FromSeconds(CrawlerHarness.MinDelaySeconds));

        var states = await harness.States.ListAsync(site.Authority, CancellationToken.None);
        Assert.Equal(CrawlOutcome.RobotsDenied, Assert.Single(states, s => s.Url.Contains("/private/", StringComparison.Ordinal)).Outcome);
        Assert.All(states.Where(s => s.Kind == CrawlPageKind.Report && !s.Url.Contains("/private/", StringComparison.Ordinal)), s =>
        {
            Assert.Equal(CrawlOutcome.Fetched, s.Outcome);
            Assert.NotNull(s.BlobName);
            Assert.NotNull(s.Sha256);
        });
    }

    [Fact]
    public async Task A_recrawl_of_an_unchanged_site_sends_conditional_requests_and_writes_no_blob()
    {
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        await using var harness = await CrawlerHarness.StartAsync(new Dictionary<string, string?> { ["RobotsCacheHours"] = "0" });
        var seeds = SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test");
        await harness.CrawlAsync(seeds);
        site.ClearLog();

        var again = await harness.CrawlAsync(seeds);

        Assert.Equal(0, again.NewBlobs);
        Assert.Equal(0, again.PagesFetched);
        Assert.Equal(FixtureSiteSample.Reports.Count + FixtureSiteSample.ListingPaths.Count, again.Unchanged);
        Assert.Equal(FixtureSiteSample.Reports.Count, (await harness.CapturesAsync()).Count);
        foreach (var path in FixtureSiteSample.Reports.Keys)
        {
            var request = Assert.Single(site.RequestsFor(path));
            Assert.Equal(304, request.Status);
            Assert.NotNull(request.Header("If-Modified-Since"));
            if (!path.EndsWith("89879.html", StringComparison.Ordinal))
            {
                Assert.NotNull(request.Header("If-None-Match"));
            }
        }

        var states = await harness.States.ListAsync(site.Authority, CancellationToken.None);
        Assert.All(states.Where(s => s.Kind == CrawlPageKind.Report && s.Outcome != CrawlOutcome.RobotsDenied), s => Assert.Equal(CrawlOutcome.Unchanged, s.Outcome));
    }

    [Fact]
    public async Task A_changed_page_writes_exactly_one_new_blob_and_identical_bytes_without_validators_write_none()
    {
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        await using var harness = await CrawlerHarness.StartAsync();
        var seeds = SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test");
        await harness.CrawlAsync(seeds);

        var changed = FixtureSiteSample.Reports.Keys.First();
        var bytes = FixtureSiteSample.PageBytes(changed).Concat("<!-- 更正 -->"u8.ToArray()).ToArray();
        site.Map(changed, FixtureSiteResponse.Bytes(bytes, "text/html; charset=utf-8") with { ETag = "\"v2\"" });

        // Another page keeps its bytes but loses its validators: the hash must catch it.
        var rehashed = FixtureSiteSample.Reports.Keys.Skip(2).First();
        site.Map(rehashed, FixtureSiteResponse.Bytes(FixtureSiteSample.PageBytes(rehashed), "text/html; charset=utf-8"));

        var again = await harness.CrawlAsync(seeds);

        Assert.Equal(1, again.NewBlobs);
        var captures = await harness.CapturesAsync();
        Assert.Equal(FixtureSiteSample.Reports.Count + 1, captures.Count);
        Assert.Equal(bytes, Assert.Single(captures, c => c.Bytes.Length == bytes.Length && c.Metadata.ETag == "\"v2\"").Bytes);
        var unchanged = await harness.States.GetAsync(site.Authority, site.Url(rehashed).AbsoluteUri, CancellationToken.None);
        Assert.Equal(CrawlOutcome.Unchanged, unchanged!.Outcome);
        Assert.Equal(200, unchanged.HttpStatus);
    }

    [Fact]
    public async Task Robots_disallow_all_is_respected_and_recorded()
    {
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        site.Map("/robots.txt", FixtureSiteResponse.Text("User-agent: IngestBot\nDisallow: /xxgk/\n\nUser-agent: *\nAllow: /\n"));
        await using var harness = await CrawlerHarness.StartAsync();

        var summary = await harness.CrawlAsync(SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test"));

        Assert.Equal(1, summary.RobotsDenied);
        Assert.Equal(["/robots.txt"], site.Requests.Select(r => r.PathAndQuery));
        Assert.Empty(await harness.CapturesAsync());
        var state = await harness.States.GetAsync(site.Authority, site.Url(FixtureSiteSample.ListingPath).AbsoluteUri, CancellationToken.None);
        Assert.Equal(CrawlOutcome.RobotsDenied, state!.Outcome);
    }

    [Fact]
    public async Task A_robots_txt_answering_5xx_means_disallow_all()
    {
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        site.Map("/robots.txt", FixtureSiteResponse.StatusOnly(500));
        await using var harness = await CrawlerHarness.StartAsync();

        var summary = await harness.CrawlAsync(SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test"));

        Assert.Equal(1, summary.RobotsDenied);
        Assert.All(site.Requests, r => Assert.Equal("/robots.txt", r.PathAndQuery));
        Assert.Empty(await harness.CapturesAsync());
    }

    [Fact]
    public async Task A_robots_txt_answering_404_means_allow_all()
    {
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        site.Map("/robots.txt", FixtureSiteResponse.StatusOnly(404));
        await using var harness = await CrawlerHarness.StartAsync();

        var summary = await harness.CrawlAsync(SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test"));

        Assert.Equal(0, summary.RobotsDenied);
        Assert.Single(site.RequestsFor(FixtureSiteSample.NotReports[2])); // the /private/ report is now allowed
    }

    [Fact]
    public async Task Crawl_delay_from_robots_txt_spaces_the_requests()
    {
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        site.Map("/robots.txt", FixtureSiteResponse.Text("User-agent: *\nCrawl-delay: 0.3\nDisallow: /private/\n"));
        await using var harness = await CrawlerHarness.StartAsync();

        await harness.CrawlAsync(SeedFile.Parse(FixtureSiteSample.SeedJson(site), "test"));

        AssertSpacing(site.Requests, TimeSpan.FromSeconds(0.3));
    }

    internal static void AssertSpacing(IReadOnlyList<FixtureSiteRequest> requests, TimeSpan delay)
    {
        foreach (var host in requests.GroupBy(r => r.Host))
        {
            var times = host.Select(r => r.At).Order().ToList();
            for (var i = 1; i < times.Count; i++)
            {
                Assert.True(times[i] - times[i - 1] >= delay, $"{host.Key}: requests {i - 1} and {i} were {(times[i] - times[i - 1]).TotalMilliseconds} ms apart, less than {delay.TotalMilliseconds} ms");
            }
        }
    }
}
