namespace Ingest.Crawling;

/// <summary>Crawls the sources of one host politely and archives what changed.</summary>
public sealed class HostCrawler
{
    public Task<CrawlSummary> CrawlAsync(CrawlRequest request, SeedFile seeds, CancellationToken cancellationToken) =>
        throw new NotImplementedException("The crawler area fills this in.");
}
