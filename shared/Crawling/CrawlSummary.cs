namespace Ingest.Crawling;

/// <summary>What one crawl (of a host, or of all hosts) did. Summaries add up.</summary>
public sealed record CrawlSummary
{
    public int Hosts { get; init; }
    public int PagesFetched { get; init; }
    public int Unchanged { get; init; }
    public int NewBlobs { get; init; }
    public int RobotsDenied { get; init; }

    /// <summary>Failures by kind (timeout, http_5xx, reset, too_large, redirect_refused, ...).</summary>
    public IReadOnlyDictionary<string, int> FailuresByKind { get; init; } = new Dictionary<string, int>();

    public int Failures => FailuresByKind.Values.Sum();

    public static CrawlSummary operator +(CrawlSummary left, CrawlSummary right) => new()
    {
        Hosts = left.Hosts + right.Hosts,
        PagesFetched = left.PagesFetched + right.PagesFetched,
        Unchanged = left.Unchanged + right.Unchanged,
        NewBlobs = left.NewBlobs + right.NewBlobs,
        RobotsDenied = left.RobotsDenied + right.RobotsDenied,
        FailuresByKind = left.FailuresByKind.Concat(right.FailuresByKind)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal),
    };

    public CrawlSummary Add(CrawlSummary other) => this + other;
}
