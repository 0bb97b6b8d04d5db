using Ingest.Crawling;
using Ingest.Crawling.Http;
using Ingest.Crawling.State;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Crawling;

/// <summary>One listing page linking one report whose responses misbehave; what the crawler records and what the site saw.</summary>
public sealed class HostCrawlerFaultTests
{
    private const string ReportPath = "/xxgk/ndbg/202401/t20240115_110771.html";
    private static readonly byte[] Report = FixtureSiteSample.PageBytes(ReportPath);

    [Fact]
    public async Task A_503_then_success_is_retried_and_archived()
    {
        await using var site = await SiteWithReport(FixtureSiteResponse.StatusOnly(503), Page());
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.NewBlobs);
        Assert.Equal([503, 200], site.RequestsFor(ReportPath).Select(r => r.Status));
        Assert.Equal(Report, Assert.Single(await harness.CapturesAsync()).Bytes);
        HostCrawlerSiteTests.AssertSpacing(site.Requests, TimeSpan.FromSeconds(CrawlerHarness.MinDelaySeconds));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_no_sooner_than_asked()
    {
        await using var site = await SiteWithReport(FixtureSiteResponse.StatusOnly(429, retryAfter: "1"), Page());
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.NewBlobs);
        var requests = site.RequestsFor(ReportPath);
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1), "the retry came before Retry-After");
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_is_not_waited_for()
    {
        await using var site = await SiteWithReport(FixtureSiteResponse.StatusOnly(503, retryAfter: "3600"), Page());
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.Http5xx]);
        Assert.Single(site.RequestsFor(ReportPath));
    }

    [Fact]
    public async Task A_connection_reset_mid_body_is_retried_and_the_full_page_archived()
    {
        await using var site = await SiteWithReport(Page() with { Fault = FixtureSiteFault.ResetMidBody }, Page());
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.NewBlobs);
        Assert.Equal(2, site.RequestsFor(ReportPath).Count);
        Assert.Equal(Report, Assert.Single(await harness.CapturesAsync()).Bytes);
    }

    [Fact]
    public async Task A_page_that_always_resets_fails_as_reset_after_the_retries()
    {
        await using var site = await SiteWithReport(Page() with { Fault = FixtureSiteFault.ResetMidBody });
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.Reset]);
        Assert.Equal(3, site.RequestsFor(ReportPath).Count);
        Assert.Empty(await harness.CapturesAsync());
        var state = await harness.States.GetAsync(site.Authority, site.Url(ReportPath).AbsoluteUri, CancellationToken.None);
        Assert.Equal(CrawlOutcome.Failed, state!.Outcome);
        Assert.Equal(FailureClassifier.Reset, state.FailureKind);
    }

    [Fact]
    public async Task A_truncated_body_is_never_archived()
    {
        await using var site = await SiteWithReport(Page() with { Fault = FixtureSiteFault.TruncateBody });
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(FailureClassifier.Truncated, Assert.Single(summary.FailuresByKind).Key);
        Assert.Equal(3, site.RequestsFor(ReportPath).Count);
        Assert.Empty(await harness.CapturesAsync());
    }

    [Fact]
    public async Task A_response_slower_than_the_attempt_timeout_fails_as_timeout()
    {
        await using var site = await SiteWithReport(Page() with { Delay = TimeSpan.FromSeconds(3) });
        var (summary, harness) = await CrawlAsync(site, new Dictionary<string, string?> { ["AttemptTimeoutSeconds"] = "0.5", ["MaxRetries"] = "1" });
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.Timeout]);
        Assert.Equal(2, site.RequestsFor(ReportPath).Count);
        Assert.Empty(await harness.CapturesAsync());
    }

    [Fact]
    public async Task A_body_dripping_past_the_attempt_timeout_fails_as_timeout()
    {
        await using var site = await SiteWithReport(Page() with { ChunkDelay = TimeSpan.FromMilliseconds(200), ChunkSize = 4096 });
        var (summary, harness) = await CrawlAsync(site, new Dictionary<string, string?> { ["AttemptTimeoutSeconds"] = "0.5", ["MaxRetries"] = "0" });
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.Timeout]);
        Assert.Empty(await harness.CapturesAsync());
    }

    [Fact]
    public async Task A_redirect_loop_ends_as_redirect_loop()
    {
        await using var site = await SiteWithReport(FixtureSiteResponse.Redirect("/loop/b.html"));
        site.Map("/loop/b.html", FixtureSiteResponse.Redirect(ReportPath, 302));
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.RedirectLoop]);
        Assert.Single(site.RequestsFor(ReportPath));
        Assert.Single(site.RequestsFor("/loop/b.html"));
    }

    [Fact]
    public async Task A_redirect_within_the_host_is_followed_and_recorded_as_final_url()
    {
        await using var site = await SiteWithReport(FixtureSiteResponse.Redirect("/moved/report.html", 302));
        site.Map("/moved/report.html", Page());
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.NewBlobs);
        var capture = Assert.Single(await harness.CapturesAsync());
        Assert.Equal(site.Url(ReportPath).AbsoluteUri, capture.Metadata.SourceUrl);
        Assert.Equal(site.Url("/moved/report.html").AbsoluteUri, capture.Metadata.FinalUrl);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/xxgk/report.html")]
    [InlineData("http://192.168.1.1/")]
    public async Task A_redirect_to_a_private_address_is_refused_without_a_request(string target)
    {
        await using var site = await SiteWithReport(FixtureSiteResponse.Redirect(target, 302));
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.RedirectRefused]);
        var state = await harness.States.GetAsync(site.Authority, site.Url(ReportPath).AbsoluteUri, CancellationToken.None);
        Assert.Contains("not a public address", state!.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_refused()
    {
        await using var other = await FixtureSite.StartAsync("127.0.0.2");
        other.Map(ReportPath, Page());
        await using var site = await SiteWithReport(FixtureSiteResponse.Redirect(other.Url(ReportPath).AbsoluteUri, 302));
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.RedirectRefused]);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task An_oversized_page_is_capped_not_retried_and_not_archived()
    {
        var big = new byte[2 * 1024 * 1024];
        Random.Shared.NextBytes(big);
        await using var site = await SiteWithReport(FixtureSiteResponse.Bytes(big));
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.TooLarge]);
        Assert.Single(site.RequestsFor(ReportPath));
        Assert.Empty(await harness.CapturesAsync());
    }

    [Fact]
    public async Task An_oversized_chunked_page_without_content_length_is_cut_at_the_cap()
    {
        var big = new byte[2 * 1024 * 1024];
        await using var site = await SiteWithReport(FixtureSiteResponse.Bytes(big) with { ChunkDelay = TimeSpan.FromMilliseconds(1), ChunkSize = 256 * 1024 });
        var (summary, harness) = await CrawlAsync(site);
        await using var _ = harness;

        Assert.Equal(1, summary.FailuresByKind[FailureClassifier.TooLarge]);
        Assert.Empty(await harness.CapturesAsync());
    }

    [Fact]
    public async Task A_failing_host_opens_only_its_own_circuit_and_never_stops_the_others()
    {
        await using var failing = await FixtureSite.StartAsync("127.0.0.2");
        failing.Map("/robots.txt", FixtureSiteResponse.StatusOnly(404));
        var links = string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href=\"r{i}.html\">2023年度政府信息公开工作年度报告{i}</a></li>"));
        failing.Map("/list/index.html", FixtureSiteResponse.Html($"<html><body><ul>{links}</ul></body></html>"));
        foreach (var i in Enumerable.Range(1, 6))
        {
            failing.Map($"/list/r{i}.html", FixtureSiteResponse.StatusOnly(500));
        }

        await using var healthy = await SiteWithReport(Page(), address: "127.0.0.3");
        var seeds = SeedFile.Parse($$"""
            { "sources": [
              { "id": "failing", "agency": "甲", "listingUrls": ["{{failing.Url("/list/index.html")}}"] },
              { "id": "healthy", "agency": "乙", "listingUrls": ["{{healthy.Url("/list/index.html")}}"] } ] }
            """, "test");
        await using var harness = await CrawlerHarness.StartAsync(new Dictionary<string, string?> { ["CircuitBreakerFailures"] = "4", ["CircuitBreakSeconds"] = "600" });

        var plan = CrawlPlanner.Plan(seeds, new DateOnly(2026, 1, 1));
        Assert.Equal(2, plan.Count);
        var first = await harness.Crawler.CrawlAsync(plan.Single(p => p.Host == failing.Authority), seeds, CancellationToken.None);
        var second = await harness.Crawler.CrawlAsync(plan.Single(p => p.Host == healthy.Authority), seeds, CancellationToken.None);

        Assert.True(first.FailuresByKind.GetValueOrDefault(FailureClassifier.CircuitOpen) >= 1, "the failing host's circuit never opened");
        Assert.Equal(6, first.Failures);
        Assert.Equal(4, failing.Requests.Count(r => r.PathAndQuery.StartsWith("/list/r", StringComparison.Ordinal)));
        Assert.Equal(1, second.NewBlobs);
        Assert.Equal(0, second.Failures);
    }

    private static FixtureSiteResponse Page() => FixtureSiteResponse.Bytes(Report, "text/html; charset=utf-8");

    private static async Task<FixtureSite> SiteWithReport(params FixtureSiteResponse[] report) => await SiteWithReport(report, "127.0.0.1");

    private static async Task<FixtureSite> SiteWithReport(FixtureSiteResponse report, string address) => await SiteWithReport([report], address);

    private static async Task<FixtureSite> SiteWithReport(FixtureSiteResponse[] report, string address)
    {
        var site = await FixtureSite.StartAsync(address);
        site.Map("/robots.txt", FixtureSiteResponse.StatusOnly(404));
        site.Map("/list/index.html", FixtureSiteResponse.Html(
            $"<html><body><ul><li><a href=\"{ReportPath}\">2023年度市国资委政务公开工作报告(文字版)</a></li></ul></body></html>"));
        site.Map(ReportPath, report);
        return site;
    }

    private static async Task<(CrawlSummary Summary, CrawlerHarness Harness)> CrawlAsync(FixtureSite site, IDictionary<string, string?>? overrides = null)
    {
        var harness = await CrawlerHarness.StartAsync(overrides);
        var seeds = SeedFile.Parse($$"""{ "sources": [ { "id": "one", "agency": "长沙市国资委", "listingUrls": ["{{site.Url("/list/index.html")}}"] } ] }""", "test");
        return (await harness.CrawlAsync(seeds), harness);
    }
}
