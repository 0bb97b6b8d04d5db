using Ingest.Functions.Hosting.Scheduling;
using Ingest.Functions.Hosting.Standalone;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Tests.Functions;

/// <summary>
/// The standalone schedule at start-up, 09:00 on 23 November with <c>CRAWL_SCHEDULE</c> at 02:30: that
/// morning's occurrence passed while nothing ran. Like the Functions timer with <c>useMonitor</c>, it is
/// scheduled at start, but only on a store where the schedule has run before.
/// </summary>
public sealed class NightlyCatchUpTests
{
    private static readonly DateOnly Missed = new(2026, 11, 23);

    [Fact]
    public async Task A_night_missed_while_nothing_ran_is_scheduled_at_start_and_only_the_latest()
    {
        await using var bed = await Bed.CreateAsync();
        await bed.Scheduler.ScheduleNightAsync(Missed.AddDays(-2), force: false, CancellationToken.None); // an earlier night, then a gap
        await bed.Storage.CrawlQueue.ClearMessagesAsync();

        await bed.StartAndWaitUntilParkedAsync();

        Assert.True(await bed.Scheduler.IsScheduledAsync(Missed, CancellationToken.None), "The missed night was not caught up.");
        Assert.False(await bed.Scheduler.IsScheduledAsync(Missed.AddDays(-1), CancellationToken.None), "Only the latest missed night is caught up.");
        Assert.Equal(2, await bed.QueuedAsync());
    }

    [Fact]
    public async Task A_fresh_store_waits_for_its_first_occurrence()
    {
        await using var bed = await Bed.CreateAsync();

        await bed.StartAndWaitUntilParkedAsync();

        Assert.False(await bed.Scheduler.IsScheduledAsync(Missed, CancellationToken.None), "A first start crawled at once.");
        Assert.False(await bed.Storage.CrawlQueue.ExistsAsync());
    }

    [Fact]
    public async Task A_night_already_scheduled_is_not_scheduled_again()
    {
        await using var bed = await Bed.CreateAsync();
        await bed.Scheduler.ScheduleNightAsync(Missed.AddDays(-1), force: false, CancellationToken.None);
        await bed.Scheduler.ScheduleNightAsync(Missed, force: false, CancellationToken.None);
        await bed.Storage.CrawlQueue.ClearMessagesAsync();

        await bed.StartAndWaitUntilParkedAsync();

        Assert.Equal(0, await bed.QueuedAsync());
    }

    /// <summary>A standalone app on its own storage slice, with the schedule on a watched fake clock.</summary>
    private sealed class Bed : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly WatchedClock _clock;
        private readonly NightlySchedule _schedule;

        private Bed(WebApplication app, WatchedClock clock)
        {
            _app = app;
            _clock = clock;
            Scheduler = ActivatorUtilities.CreateInstance<CrawlScheduler>(app.Services, clock);
            _schedule = ActivatorUtilities.CreateInstance<NightlySchedule>(app.Services, clock, Scheduler);
        }

        public CrawlScheduler Scheduler { get; }
        public IngestStorage Storage => _app.Services.GetRequiredService<IngestStorage>();

        public static async Task<Bed> CreateAsync()
        {
            var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("catchup"));
            var seeds = RecordingCrawlEngine.Seeds("http://a.example.gov.cn/ndbg/", "http://b.example.gov.cn/ndbg/");
            var app = await StandaloneHost.CreateAsync(layout, new RecordingCrawlEngine(), seeds, new Dictionary<string, string?> { ["CRAWL_SCHEDULE"] = "0 30 2 * * *" });
            return new Bed(app, new WatchedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        }

        /// <summary>Starts the schedule and returns once it waits for its next occurrence: start-up is over.</summary>
        public async Task StartAndWaitUntilParkedAsync()
        {
            var timers = _clock.TimersCreated;
            await _schedule.StartAsync(CancellationToken.None);
            await _clock.TimerAfterAsync(timers);
        }

        public async Task<int> QueuedAsync() => (await Storage.CrawlQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

        public async ValueTask DisposeAsync()
        {
            await _schedule.StopAsync(CancellationToken.None);
            _schedule.Dispose();
            await _app.DisposeAsync();
        }
    }
}
