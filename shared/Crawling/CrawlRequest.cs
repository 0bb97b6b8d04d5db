namespace Ingest.Crawling;

/// <summary>
/// The crawl-requests queue message: crawl the sources of one host for one night. One host per message
/// keeps politeness per host true even when many Function instances consume the queue.
/// </summary>
/// <param name="Host">The host (authority) whose sources to crawl, e.g. www.changsha.gov.cn.</param>
/// <param name="SourceIds">The seed sources on that host (ids in the seeds file).</param>
/// <param name="Night">The scheduled night (UTC date) this request belongs to; makes double fires idempotent.</param>
public sealed record CrawlRequest(string Host, IReadOnlyList<string> SourceIds, DateOnly Night);
