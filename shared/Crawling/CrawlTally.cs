using Ingest.Crawling.State;
using Ingest.Telemetry;

namespace Ingest.Crawling;

/// <summary>Counts one host crawl's outcomes as they happen; becomes the <see cref="CrawlSummary"/>.</summary>
internal sealed class CrawlTally(string host)
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
                Count("fetched", null);
                break;
            case CrawlOutcome.Unchanged:
                unchanged++;
                Count("unchanged", null);
                break;
            case CrawlOutcome.RobotsDenied:
                robotsDenied++;
                Count("robots_denied", null);
                IngestTelemetry.RobotsDenials.Add(1, new KeyValuePair<string, object?>(IngestTelemetry.Tags.Host, host));
                break;
            default:
                Fail(failureKind ?? "error");
                break;
        }
    }

    public void Fail(string kind)
    {
        failures[kind] = failures.GetValueOrDefault(kind) + 1;
        Count("failed", kind);
    }

    private void Count(string outcome, string? failureKind) => IngestTelemetry.CrawlPages.Add(
        1,
        new KeyValuePair<string, object?>(IngestTelemetry.Tags.Outcome, outcome),
        new KeyValuePair<string, object?>(IngestTelemetry.Tags.FailureKind, failureKind ?? ""),
        new KeyValuePair<string, object?>(IngestTelemetry.Tags.Host, host));

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
