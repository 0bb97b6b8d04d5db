using BenchmarkDotNet.Attributes;
using Ingest.Crawling;
using Ingest.Functions.Hosting.LocalStorage;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Benchmarks.Crawling;

/// <summary>
/// Politeness efficiency: four loopback hosts crawled concurrently, each one request at a time with a
/// 200 ms gap; per host robots.txt + a listing + 9 reports = 11 requests, so 10 gaps. The baseline is the
/// ideal schedule — exactly those 10 gaps of pure waiting — so the Ratio column is actual ÷ ideal time and
/// efficiency (throughput as a fraction of hosts ÷ delay) is 1 ÷ Ratio. Each iteration crawls fresh state
/// (every report a new blob in Azurite).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class CrawlThroughputBenchmarks
{
    private const int Hosts = 4;
    private const int Reports = 9;
    private const double DelaySeconds = 0.2;
    private const int RequestsPerHost = 1 + 1 + Reports;

    private AzuriteProcess azurite = null!;
    private LoopbackHosts site = null!;
    private ServiceProvider services = null!;
    private SeedFile seeds = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        azurite = await CrawlerBench.StartAzuriteAsync();
        site = await LoopbackHosts.StartAsync(Hosts, Reports);
        seeds = SeedFile.Parse(
            "{ \"sources\": [" + string.Join(",", site.BaseUris.Select((u, i) => $"{{ \"id\": \"h{i}\", \"agency\": \"机关{i}\", \"listingUrls\": [\"{u}list.html\"], \"maxReports\": {Reports} }}")) + "] }",
            "bench");
    }

    [IterationSetup]
    public void IterationSetup() => services = CrawlerBench.Services(azurite, DelaySeconds);

    [IterationCleanup]
    public void IterationCleanup() => services.Dispose();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await site.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "ideal: 10 gaps of 200 ms per host, hosts in parallel")]
    public Task IdealSchedule() => Task.Delay(TimeSpan.FromSeconds(DelaySeconds * (RequestsPerHost - 1)));

    [Benchmark(Description = "crawl 4 hosts x 11 requests, 200 ms gap")]
    public async Task<int> CrawlFourHosts()
    {
        var crawler = services.GetRequiredService<HostCrawler>();
        var plan = CrawlPlanner.Plan(seeds, new DateOnly(2026, 1, 1));
        var summaries = await Task.WhenAll(plan.Select(request => crawler.CrawlAsync(request, seeds, CancellationToken.None)));
        var blobs = summaries.Sum(s => s.NewBlobs);
        return blobs == Hosts * Reports ? blobs : throw new InvalidOperationException($"expected {Hosts * Reports} new blobs, got {blobs}");
    }
}
