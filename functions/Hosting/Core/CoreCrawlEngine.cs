using Ingest.Crawling;
using Ingest.Functions.Hosting.Telemetry;

namespace Ingest.Functions.Hosting.Core;

/// <summary>
/// The core library's planner and <see cref="HostCrawler"/>. The crawler is resolved on first use, not
/// when the function is, so a payload the handler rejects never builds (or waits on) the core.
/// </summary>
public sealed class CoreCrawlEngine(IServiceProvider services) : ICrawlEngine
{
    private readonly Lazy<HostCrawler> crawler = new(services.GetRequiredService<HostCrawler>);

    public IReadOnlyList<CrawlRequest> Plan(SeedFile seeds, DateOnly night) => CrawlPlanner.Plan(seeds, night);

    public async Task<CrawlSummary> CrawlAsync(CrawlRequest request, SeedFile seeds, CancellationToken cancellationToken)
    {
        // Every path that crawls comes through here, so every host crawl leaves a CrawlRuns entry.
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var runs = services.GetService<CrawlRunLog>();
        var startedAt = time.GetUtcNow();
        CrawlSummary summary;
        try
        {
            summary = await crawler.Value.CrawlAsync(request, seeds, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && runs is not null)
        {
            await runs.RecordAsync(request, startedAt, time.GetUtcNow(), null, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
            throw;
        }

        if (runs is not null)
        {
            await runs.RecordAsync(request, startedAt, time.GetUtcNow(), summary, null, cancellationToken);
        }

        return summary;
    }
}
