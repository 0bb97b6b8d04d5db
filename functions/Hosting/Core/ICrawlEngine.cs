using Ingest.Crawling;

namespace Ingest.Functions.Hosting.Core;

/// <summary>
/// The crawling core as the triggers use it: plan a night, crawl one host. The seam lets the trigger
/// contract be tested on its own; production is <see cref="CoreCrawlEngine"/>.
/// </summary>
public interface ICrawlEngine
{
    IReadOnlyList<CrawlRequest> Plan(SeedFile seeds, DateOnly night);

    Task<CrawlSummary> CrawlAsync(CrawlRequest request, SeedFile seeds, CancellationToken cancellationToken);
}
