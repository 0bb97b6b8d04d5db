namespace Ingest.Functions.Hosting.Telemetry;

/// <summary>One host crawl as the operator sees it afterwards (the <c>status</c> verb).</summary>
public sealed record CrawlRun
{
    public required string Host { get; init; }
    public required DateOnly Night { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public int PagesFetched { get; init; }
    public int Unchanged { get; init; }
    public int NewBlobs { get; init; }
    public int RobotsDenied { get; init; }
    public int Failures { get; init; }

    /// <summary>Failures by kind, e.g. <c>{"timeout":2,"http_5xx":1}</c>.</summary>
    public IReadOnlyDictionary<string, int> FailuresByKind { get; init; } = new Dictionary<string, int>();

    /// <summary>The crawl threw (the queue will retry it); null when it ended with a summary.</summary>
    public string? Error { get; init; }

    /// <summary>The Functions invocation and the trace, to find the run's telemetry.</summary>
    public string? InvocationId { get; init; }

    public string? TraceId { get; init; }
}
