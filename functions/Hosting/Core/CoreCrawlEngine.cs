using Ingest.Crawling;

namespace Ingest.Functions.Hosting.Core;

/// <summary>
/// The core library's planner and <see cref="HostCrawler"/>. The crawler is resolved on first use, not
/// when the function is, so a payload the handler rejects never builds (or waits on) the core.
/// </summary>
public sealed class CoreCrawlEngine(IServiceProvider services) : ICrawlEngine
{
    private readonly Lazy<HostCrawler> crawler = new(services.GetRequiredService<HostCrawler>);

    public IReadOnlyList<CrawlRequest> Plan(SeedFile seeds, DateOnly night) => CrawlPlanner.Plan(seeds, night);

    public Task<CrawlSummary> CrawlAsync(CrawlRequest request, SeedFile seeds, CancellationToken cancellationToken) =>
        crawler.Value.CrawlAsync(request, seeds, cancellationToken);
}
