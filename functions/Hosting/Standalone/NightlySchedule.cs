using Cronos;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Functions.Hosting.Scheduling;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Hosting.Standalone;

/// <summary>
/// The standalone twin of the ScheduleCrawl timer: fires at each <c>CRAWL_SCHEDULE</c> occurrence (UTC) and
/// schedules that occurrence's night. Several instances may run it; the scheduler's lease and night marker
/// make sure the night is enqueued once.
/// </summary>
public sealed partial class NightlySchedule(CrawlScheduler scheduler, IOptions<IngestHostOptions> options, TimeProvider time, ILogger<NightlySchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expression = CronExpression.Parse(options.Value.CrawlSchedule, CronFormat.IncludeSeconds);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRAWL_SCHEDULE '{Schedule}' has no further occurrence; the schedule stops")]
    private partial void LogNoOccurrence(string schedule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduling night {Night} failed; the next occurrence will try again")]
    private partial void LogFailed(Exception exception, DateOnly night);
}
