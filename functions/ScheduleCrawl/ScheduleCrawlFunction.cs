using System.Text.Json;
using Ingest.Functions.Hosting.Invocation;
using Ingest.Functions.Hosting.Scheduling;

namespace Ingest.Functions.ScheduleCrawl;

/// <summary>
/// The timer function: one fire enqueues the night's crawl requests (one per host). The timer payload
/// carries nothing we need beyond <c>IsPastDue</c>; the night comes from the clock, so double fires and
/// a past-due run at start-up land on the same night marker.
/// </summary>
public sealed partial class ScheduleCrawlFunction(CrawlScheduler scheduler, TimeProvider time, ILogger<ScheduleCrawlFunction> logger)
{
    public const string Name = "ScheduleCrawl";
    public const string BindingName = "timer";

    public async Task<IResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        if (request.Trigger(BindingName) is not { ValueKind: JsonValueKind.Object } timer)
        {
            return InvocationReply.BadPayload($"Data.{BindingName} must be the timer's TimerInfo object.");
        }

        var pastDue = timer.TryGetProperty("IsPastDue", out var isPastDue) && isPastDue.ValueKind == JsonValueKind.True;
        var night = CrawlScheduler.NightOf(time.GetUtcNow());
        ScheduleOutcome outcome;
        try
        {
            outcome = await scheduler.ScheduleNightAsync(night, force: false, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, night);
            return InvocationReply.Failed($"Scheduling night {night:yyyy-MM-dd} failed: {e.Message}");
        }

        var line = outcome.Kind switch
        {
            ScheduleOutcomeKind.Enqueued => $"night {night:yyyy-MM-dd}: enqueued {outcome.Enqueued} crawl request(s)",
            ScheduleOutcomeKind.AlreadyScheduled => $"night {night:yyyy-MM-dd}: already scheduled",
            _ => $"night {night:yyyy-MM-dd}: another instance is scheduling it",
        };
        return InvocationReply.Success(pastDue ? line + " (past due)" : line);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ScheduleCrawl failed for night {Night}; the timer does not retry, the next fire will")]
    private partial void LogFailed(Exception exception, DateOnly night);
}
