using System.Collections.Concurrent;
using Ingest.Crawling;
using Ingest.Functions.Hosting.Core;

namespace Ingest.Tests.Functions;

/// <summary>
/// Stands in for the crawling core where a test is about the trigger contract, not about crawling:
/// plans one request per listing host and records what it was asked to crawl.
/// </summary>
public sealed class RecordingCrawlEngine(Func<CrawlRequest, CrawlSummary>? crawl = null) : ICrawlEngine
{
    public ConcurrentQueue<CrawlRequest> Crawled { get; } = new();

    public IReadOnlyList<CrawlRequest> Plan(SeedFile seeds, DateOnly night) =>
        [.. seeds.Sources
            .GroupBy(s => s.ListingUrls[0].Authority, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CrawlRequest(g.Key, [.. g.Select(s => s.Id)], night))];

    public Task<CrawlSummary> CrawlAsync(CrawlRequest request, SeedFile seeds, CancellationToken cancellationToken)
    {
        Crawled.Enqueue(request);
        return Task.FromResult(crawl?.Invoke(request) ?? new CrawlSummary { Hosts = 1, PagesFetched = 3, NewBlobs = 2 });
    }

    public static SeedFile Seeds(params string[] listingUrls) =>
        new([.. listingUrls.Select((url, i) => new SeedSource { Id = $"source-{i}", Agency = $"Agency {i}", ListingUrls = [new Uri(url)] })]);
}
