using Ingest.Functions.Hosting.Scheduling;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Tests.Functions;

/// <summary>The schedule's single-instance guarantee: a blob lease plus a per-night marker.</summary>
public sealed class StandaloneScheduleTests
{
    private static readonly DateOnly Night = new(2026, 11, 23);

    [Fact]
    public async Task Four_instances_firing_the_same_night_at_once_enqueue_it_exactly_once()
    {
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("sched"));
        var seeds = RecordingCrawlEngine.Seeds("http://a.example.gov.cn/ndbg/", "http://b.example.gov.cn/ndbg/", "http://c.example.gov.cn/ndbg/");
        var instances = new List<Microsoft.AspNetCore.Builder.WebApplication>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add(await StandaloneHost.CreateAsync(layout, new RecordingCrawlEngine(), seeds));
        }

        // The lock blob exists before the race, as it does after the first night.
        await instances[0].Services.GetRequiredService<CrawlScheduler>().ScheduleNightAsync(Night.AddDays(-1), force: false, CancellationToken.None);
        var storage = instances[0].Services.GetRequiredService<IngestStorage>();
        await storage.CrawlQueue.ClearMessagesAsync();

        var outcomes = await Task.WhenAll(instances.Select(app =>
            app.Services.GetRequiredService<CrawlScheduler>().ScheduleNightAsync(Night, force: false, CancellationToken.None)));

        Assert.Single(outcomes, o => o.Kind == ScheduleOutcomeKind.Enqueued);
        Assert.All(outcomes.Where(o => o.Kind != ScheduleOutcomeKind.Enqueued), o => Assert.Contains(o.Kind, new[] { ScheduleOutcomeKind.Busy, ScheduleOutcomeKind.AlreadyScheduled }));
        var properties = await storage.CrawlQueue.GetPropertiesAsync();
        Assert.Equal(3, properties.Value.ApproximateMessagesCount);
        foreach (var app in instances)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_later_fire_for_a_scheduled_night_does_nothing_and_a_forced_run_enqueues_again()
    {
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("sched"));
        await using var app = await StandaloneHost.CreateAsync(layout, new RecordingCrawlEngine(), RecordingCrawlEngine.Seeds("http://a.example.gov.cn/ndbg/"));
        var scheduler = app.Services.GetRequiredService<CrawlScheduler>();

        var first = await scheduler.ScheduleNightAsync(Night, force: false, CancellationToken.None);
        var again = await scheduler.ScheduleNightAsync(Night, force: false, CancellationToken.None);
        var nextNight = await scheduler.ScheduleNightAsync(Night.AddDays(1), force: false, CancellationToken.None);
        var forced = await scheduler.ScheduleNightAsync(Night, force: true, CancellationToken.None);

        Assert.Equal((ScheduleOutcomeKind.Enqueued, 1), (first.Kind, first.Enqueued));
        Assert.Equal(ScheduleOutcomeKind.AlreadyScheduled, again.Kind);
        Assert.Equal(ScheduleOutcomeKind.Enqueued, nextNight.Kind);
        Assert.Equal(ScheduleOutcomeKind.Enqueued, forced.Kind);
        var storage = app.Services.GetRequiredService<IngestStorage>();
        Assert.Equal(3, (await storage.CrawlQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.True(await storage.LeaseContainer.GetBlobClient(CrawlScheduler.MarkerBlobName(Night)).ExistsAsync());
    }

    [Fact]
    public async Task A_fire_while_another_instance_holds_the_lease_reports_busy_and_enqueues_nothing()
    {
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("sched"));
        await using var app = await StandaloneHost.CreateAsync(layout, new RecordingCrawlEngine(), RecordingCrawlEngine.Seeds("http://a.example.gov.cn/ndbg/"));
        var scheduler = app.Services.GetRequiredService<CrawlScheduler>();
        await scheduler.ScheduleNightAsync(Night.AddDays(-1), force: false, CancellationToken.None);
        var storage = app.Services.GetRequiredService<IngestStorage>();
        await storage.CrawlQueue.ClearMessagesAsync();
        var lease = Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(storage.LeaseContainer.GetBlobClient("schedule/lock"));
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));

        var outcome = await scheduler.ScheduleNightAsync(Night, force: false, CancellationToken.None);

        await lease.ReleaseAsync();
        Assert.Equal(ScheduleOutcomeKind.Busy, outcome.Kind);
        Assert.Equal(0, (await storage.CrawlQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.False(await storage.LeaseContainer.GetBlobClient(CrawlScheduler.MarkerBlobName(Night)).ExistsAsync());
    }
}
