using Cronos;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Functions.Hosting.Scheduling;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Hosting.Standalone;

/// <summary>
/// The standalone twin of the ScheduleCrawl timer: fires at each <c>CRAWL_SCHEDULE</c> occurrence (UTC) and
/// schedules that occurrence's night. Several instances may run it; the scheduler's lease and night marker
/// make sure the night is enqueued once. Like the timer with <c>useMonitor</c>, it catches up at start
/// on the latest occurrence that passed while nothing ran.
/// </summary>
public sealed partial class NightlySchedule(CrawlScheduler scheduler, IOptions<IngestHostOptions> options, TimeProvider time, ILogger<NightlySchedule> logger) : BackgroundService
{
    /// <summary>How far back start-up looks for a missed occurrence: a monthly schedule still catches up.</summary>
    private static readonly TimeSpan CatchUpWindow = TimeSpan.FromDays(31);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expression = CronExpression.Parse(options.Value.CrawlSchedule, CronFormat.IncludeSeconds);
        await CatchUpAsync(expression, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (expression.GetNextOccurrence(now, TimeZoneInfo.Utc) is not { } next)
            {
                LogNoOccurrence(options.Value.CrawlSchedule);
                return;
            }

            LogNext(next);
            await Task.Delay(next - now, time, stoppingToken);
            await FireAsync(CrawlScheduler.NightOf(next), stoppingToken);
        }
    }

    /// <summary>
    /// Schedules the latest past occurrence's night if it was missed: the machine was off or the host down at
    /// the time. Only the latest, once, as the Functions timer does for a past-due occurrence; and only when
    /// an earlier night was scheduled on this storage, so a fresh installation waits for its first occurrence
    /// instead of crawling the moment it starts.
    /// </summary>
    public async Task CatchUpAsync(CronExpression expression, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var missed = expression.GetOccurrences(now - CatchUpWindow, now, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true).LastOrDefault();
        if (missed == default)
        {
            return;
        }

        var night = CrawlScheduler.NightOf(missed);
        try
        {
            if (await scheduler.IsScheduledAsync(night, cancellationToken) || !await scheduler.ScheduledBeforeAsync(night, cancellationToken))
            {
                return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage not answering at start must not stop the schedule; the next occurrence still comes.
            LogFailed(e, night);
            return;
        }

        LogCatchUp(night, missed);
        await FireAsync(night, cancellationToken);
    }

    /// <summary>One fire; a busy lease is retried until the holder has finished (or let it go).</summary>
    public async Task<ScheduleOutcome> FireAsync(DateOnly night, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await scheduler.ScheduleNightAsync(night, force: false, cancellationToken);
                if (outcome.Kind != ScheduleOutcomeKind.Busy || attempt >= 3)
                {
                    return outcome;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Like the Functions timer, a failed fire is not retried at once; the next occurrence comes.
                LogFailed(e, night);
                return new ScheduleOutcome(ScheduleOutcomeKind.Busy, night);
            }

            await Task.Delay(CrawlScheduler.LeaseDuration, time, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next crawl scheduled for {Next:u}")]
    private partial void LogNext(DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Night {Night} was missed (its occurrence {Missed:u} passed while nothing ran); scheduling it now")]
    private partial void LogCatchUp(DateOnly night, DateTimeOffset missed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRAWL_SCHEDULE '{Schedule}' has no further occurrence; the schedule stops")]
    private partial void LogNoOccurrence(string schedule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduling night {Night} failed; the next occurrence will try again")]
    private partial void LogFailed(Exception exception, DateOnly night);
}
