using Ingest.Crawling.State;

namespace Ingest.Crawling;

/// <summary>Counts one host crawl's outcomes as they happen; becomes the <see cref="CrawlSummary"/>.</summary>
internal sealed class CrawlTally
{
    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);
    private int fetched;
    private int unchanged;
    private int robotsDenied;
    private int newBlobs;

    public void Record(CrawlOutcome outcome, string? failureKind)
    {
        switch (outcome)
        {
            case CrawlOutcome.Fetched:
                fetched++;
                break;
            case CrawlOutcome.Unchanged:
                unchanged++;
                break;
            case CrawlOutcome.RobotsDenied:
                robotsDenied++;
                break;
            default:
                Fail(failureKind ?? "error");
                break;
        }
    }

    public void Fail(string kind) => failures[kind] = failures.GetValueOrDefault(kind) + 1;

    public void NewBlob() => newBlobs++;

    public CrawlSummary ToSummary() => new()
    {
        Hosts = 1,
        PagesFetched = fetched,
        Unchanged = unchanged,
        NewBlobs = newBlobs,
        RobotsDenied = robotsDenied,
        FailuresByKind = new Dictionary<string, int>(failures, StringComparer.Ordinal),
    };
}
