using Ingest.Crawling;

namespace Ingest.Functions.Hosting.Standalone;

/// <summary>What handling one message came to.</summary>
public sealed record CrawlMessageOutcome(CrawlSummary? Summary, bool Retry, bool Poison)
{
    public static CrawlMessageOutcome Poisoned { get; } = new(null, false, true);
    public static CrawlMessageOutcome WillRetry { get; } = new(null, true, false);

    public static CrawlMessageOutcome Crawled(CrawlSummary summary) => new(summary, false, false);
}

/// <summary>What one or more receives from the crawl queue did; batches add up.</summary>
public sealed record CrawlQueueBatch(int Received, int Crawled, int Retrying, int Poisoned, CrawlSummary Summary)
{
    public static CrawlQueueBatch Empty { get; } = new(0, 0, 0, 0, new CrawlSummary());

    public static CrawlQueueBatch From(IReadOnlyCollection<CrawlMessageOutcome> outcomes) => new(
        outcomes.Count,
        outcomes.Count(o => o.Summary is not null),
        outcomes.Count(o => o.Retry),
        outcomes.Count(o => o.Poison),
        outcomes.Where(o => o.Summary is not null).Aggregate(new CrawlSummary(), (sum, o) => sum + o.Summary!));

    public static CrawlQueueBatch operator +(CrawlQueueBatch left, CrawlQueueBatch right) => new(
        left.Received + right.Received,
        left.Crawled + right.Crawled,
        left.Retrying + right.Retrying,
        left.Poisoned + right.Poisoned,
        left.Summary + right.Summary);

    public CrawlQueueBatch Add(CrawlQueueBatch other) => this + other;
}
