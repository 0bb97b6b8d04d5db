using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingest.Crawling;
using Ingest.Storage;
using Ingest.Telemetry;

namespace Ingest.Functions.Hosting.Telemetry;

/// <summary>
/// The <c>CrawlRuns</c> table: one entity per host crawl, written when it ends by every path that crawls
/// (the CrawlSource function, the standalone consumer, the demo, the <c>crawl</c> verb), so the morning
/// after a bad night starts from one partition query. PartitionKey <c>runs</c>; RowKey is the inverted
/// finish time, so the newest runs come first. Telemetry of the telemetry kind: a failed write is logged,
/// never allowed to fail the crawl.
/// </summary>
public sealed partial class CrawlRunLog(IngestStorage storage, ILogger<CrawlRunLog> logger)
{
    private const string Partition = "runs";
    private TableClient Table => storage.Table(storage.Layout.CrawlRunsTable);

    public async Task RecordAsync(CrawlRequest request, DateTimeOffset startedAt, DateTimeOffset finishedAt, CrawlSummary? summary, string? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var activity = Activity.Current;
        var run = new CrawlRun
        {
            Host = request.Host,
            Night = request.Night,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            PagesFetched = summary?.PagesFetched ?? 0,
            Unchanged = summary?.Unchanged ?? 0,
            NewBlobs = summary?.NewBlobs ?? 0,
            RobotsDenied = summary?.RobotsDenied ?? 0,
            Failures = summary?.Failures ?? 0,
            FailuresByKind = summary?.FailuresByKind ?? new Dictionary<string, int>(),
            Error = error,
            InvocationId = activity?.GetBaggageItem(IngestTelemetry.Tags.InvocationId),
            TraceId = activity?.TraceId.ToHexString(),
        };
        try
        {
            await Table.CreateIfNotExistsAsync(cancellationToken);
            await Table.AddEntityAsync(ToEntity(run), cancellationToken);
        }
        catch (RequestFailedException e)
        {
            LogNotRecorded(e, request.Host);
        }
    }

    /// <summary>The most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<CrawlRun>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var runs = new List<CrawlRun>();
        try
        {
            await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, maxPerPage: count, cancellationToken: cancellationToken))
            {
                runs.Add(FromEntity(entity));
                if (runs.Count >= count)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No crawl has finished yet.
        }

        return runs;
    }

    private static TableEntity ToEntity(CrawlRun run)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - run.FinishedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new TableEntity(Partition, inverted + "-" + Guid.NewGuid().ToString("N"))
        {
            ["Host"] = run.Host,
            ["Night"] = run.Night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
            ["PagesFetched"] = run.PagesFetched,
            ["Unchanged"] = run.Unchanged,
            ["NewBlobs"] = run.NewBlobs,
            ["RobotsDenied"] = run.RobotsDenied,
            ["Failures"] = run.Failures,
            ["FailuresByKind"] = JsonSerializer.Serialize(run.FailuresByKind),
            ["Error"] = run.Error is { Length: > 4000 } text ? text[..4000] : run.Error,
            ["InvocationId"] = run.InvocationId,
            ["TraceId"] = run.TraceId,
        };
    }

    private static CrawlRun FromEntity(TableEntity e) => new()
    {
        Host = e.GetString("Host") ?? "",
        Night = DateOnly.TryParseExact(e.GetString("Night"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var night) ? night : default,
        StartedAt = e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        FinishedAt = e.GetDateTimeOffset("FinishedAt") ?? DateTimeOffset.MinValue,
        PagesFetched = e.GetInt32("PagesFetched") ?? 0,
        Unchanged = e.GetInt32("Unchanged") ?? 0,
        NewBlobs = e.GetInt32("NewBlobs") ?? 0,
        RobotsDenied = e.GetInt32("RobotsDenied") ?? 0,
        Failures = e.GetInt32("Failures") ?? 0,
        FailuresByKind = e.GetString("FailuresByKind") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? new Dictionary<string, int>()
            : new Dictionary<string, int>(),
        Error = e.GetString("Error"),
        InvocationId = e.GetString("InvocationId"),
        TraceId = e.GetString("TraceId"),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The crawl run of {Host} could not be recorded in the CrawlRuns table")]
    private partial void LogNotRecorded(Exception exception, string host);
}
