using Ingest.Functions.Hosting.Scheduling;
using Ingest.Functions.Hosting.Standalone;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest.Tests.Functions;

/// <summary>The standalone host fires CRAWL_SCHEDULE itself (6-field NCRONTAB, UTC).</summary>
public sealed class NightlyScheduleTests
{
    [Fact]
    public async Task The_schedule_fires_at_its_occurrence_and_enqueues_that_night_once()
    {
        var clock = new WatchedClock(new DateTimeOffset(2026, 11, 23, 2, 29, 58, TimeSpan.Zero));
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("nightly"));
        var seeds = RecordingCrawlEngine.Seeds("http://a.example.gov.cn/ndbg/", "http://b.example.gov.cn/ndbg/");
        await using var app = await StandaloneHost.CreateAsync(layout, new RecordingCrawlEngine(), seeds, new Dictionary<string, string?> { ["CRAWL_SCHEDULE"] = "0 30 2 * * *" });
        var scheduler = ActivatorUtilities.CreateInstance<CrawlScheduler>(app.Services, clock);
        var schedule = ActivatorUtilities.CreateInstance<NightlySchedule>(app.Services, clock, scheduler);
        var storage = app.Services.GetRequiredService<IngestStorage>();
        var marker = storage.LeaseContainer.GetBlobClient(CrawlScheduler.MarkerBlobName(new DateOnly(2026, 11, 23)));

        await schedule.StartAsync(CancellationToken.None);
        try
        {
            // Parked on its delay until 02:30:00 before the clock moves (see WatchedClock).
            await clock.TimerAfterAsync(0);
            Assert.False(await storage.LeaseContainer.ExistsAsync(), "The schedule fired before its occurrence.");

            clock.Advance(TimeSpan.FromSeconds(2));
            for (var i = 0; i < 300 && !(await storage.LeaseContainer.ExistsAsync() && await marker.ExistsAsync()); i++)
            {
                await Task.Delay(100);
            }

            Assert.True(await marker.ExistsAsync(), "The night was not scheduled at 02:30:00.");
            Assert.Equal(2, (await storage.CrawlQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
            var again = await schedule.FireAsync(new DateOnly(2026, 11, 23), CancellationToken.None);
            Assert.Equal(ScheduleOutcomeKind.AlreadyScheduled, again.Kind);
        }
        finally
        {
            await schedule.StopAsync(CancellationToken.None);
        }
    }
}
