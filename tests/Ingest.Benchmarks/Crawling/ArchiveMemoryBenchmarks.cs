using BenchmarkDotNet.Attributes;
using Ingest.Archive;
using Ingest.Crawling;
using Ingest.Crawling.Http;
using Ingest.Functions.Hosting.LocalStorage;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Benchmarks.Crawling;

/// <summary>
/// Memory while archiving: fetch a page through the crawler's client (politeness, policies, body cap and
/// spool) and stream it into a new blob, for a 20 KiB page and a 5 MiB page. If the body were buffered the
/// large page would allocate ≥ 5 MiB more than the small one; the Alloc Ratio column shows how much it does.
/// (Allocations are process-wide and include the in-process loopback server's share.)
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ArchiveMemoryBenchmarks
{
    private AzuriteProcess azurite = null!;
    private LoopbackHosts site = null!;
    private ServiceProvider services = null!;
    private PageFetcher fetcher = null!;
    private CaptureArchive archive = null!;
    private FetchScope scope = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        azurite = await CrawlerBench.StartAzuriteAsync();
        site = await LoopbackHosts.StartAsync(hosts: 1, reports: 1);
        services = CrawlerBench.Services(azurite, minDelaySeconds: 0);
        fetcher = services.GetRequiredService<PageFetcher>();
        archive = services.GetRequiredService<CaptureArchive>();
        scope = new FetchScope(new HashSet<string> { site.BaseUris[0].Authority }, LocalSource: true);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await services.DisposeAsync();
        await site.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "fetch + archive 20 KiB page")]
    public Task<long> SmallPage() => ArchiveAsync("small.html");

    [Benchmark(Description = "fetch + archive 5 MiB page")]
    public Task<long> LargePage() => ArchiveAsync("large.html");

    private async Task<long> ArchiveAsync(string path)
    {
        var url = new Uri(site.BaseUris[0], path);
        using var result = await fetcher.FetchAsync(url, scope, validators: null, CancellationToken.None);
        var body = result.Body ?? throw new InvalidOperationException($"{url}: {result.FailureKind} {result.FailureReason}");
        await using var stream = body.OpenRead();
        var metadata = new CaptureMetadata
        {
            SourceUrl = url.AbsoluteUri,
            FinalUrl = url.AbsoluteUri,
            FetchedAt = DateTimeOffset.UnixEpoch,
            HttpStatus = 200,
            Sha256 = body.Sha256,
            CrawlerVersion = CrawlerVersion.Label,
        };
        return await archive.WriteAsync(CaptureBlobName.For(url, body.Sha256), stream, metadata, CancellationToken.None)
            ? body.Length
            : throw new InvalidOperationException("The capture already existed; the benchmark needs new bytes each time.");
    }
}
