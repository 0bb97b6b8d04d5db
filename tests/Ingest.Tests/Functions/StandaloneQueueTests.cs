using Ingest.Crawling;
using Ingest.Functions.CrawlSource;
using Ingest.Functions.Hosting.Standalone;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Tests.Functions;

/// <summary>The standalone crawl-queue consumer: delete on success, retry, poison after N tries.</summary>
public sealed class StandaloneQueueTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Ingest:Host:MaxDequeueCount"] = "3",
        ["Ingest:Host:RetryDelaySeconds"] = "0",
        ["Ingest:Host:QueuePollSeconds"] = "0.1",
    };

    private static CrawlRequest Request(string host) => new(host, ["source-0"], new DateOnly(2026, 11, 23));

    [Fact]
    public async Task A_crawled_request_is_deleted_and_its_summary_counted()
    {
        var engine = new RecordingCrawlEngine();
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("queue"));
        await using var app = await StandaloneHost.CreateAsync(layout, engine, RecordingCrawlEngine.Seeds("http://a.example.gov.cn/"), FastRetries);
        var storage = app.Services.GetRequiredService<IngestStorage>();
        await storage.CrawlQueue.CreateAsync();
        await storage.CrawlQueue.SendMessageAsync(CrawlRequestMessage.Encode(Request("a.example.gov.cn")));
        await storage.CrawlQueue.SendMessageAsync(CrawlRequestMessage.Encode(Request("b.example.gov.cn")));

        var drained = await app.Services.GetRequiredService<CrawlQueueConsumer>().DrainAsync(CancellationToken.None);

        Assert.Equal(2, drained.Crawled);
        Assert.Equal(6, drained.Summary.PagesFetched);
        Assert.Equal(["a.example.gov.cn", "b.example.gov.cn"], engine.Crawled.Select(r => r.Host).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await storage.CrawlQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_request_that_keeps_failing_goes_to_the_poison_queue_after_MaxDequeueCount_tries()
    {
        var logs = new CapturedLogs();
        var engine = new RecordingCrawlEngine(_ => throw new HttpRequestException("connection reset"));
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("queue"));
        await using var app = await StandaloneHost.CreateAsync(layout, engine, RecordingCrawlEngine.Seeds("http://a.example.gov.cn/"), FastRetries, logs);
        var storage = app.Services.GetRequiredService<IngestStorage>();
        await storage.CrawlQueue.CreateAsync();
        var text = CrawlRequestMessage.Encode(Request("a.example.gov.cn"));
        await storage.CrawlQueue.SendMessageAsync(text);

        var drained = await app.Services.GetRequiredService<CrawlQueueConsumer>().DrainAsync(CancellationToken.None);

        Assert.Equal(3, engine.Crawled.Count);
        Assert.Equal(1, drained.Poisoned);
        Assert.Equal(layout.CrawlQueue + "-poison", storage.CrawlPoisonQueue.Name);
        var poisoned = Assert.Single((await storage.CrawlPoisonQueue.ReceiveMessagesAsync(maxMessages: 10)).Value);
        Assert.Equal(text, poisoned.MessageText);
        Assert.Equal(0, (await storage.CrawlQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.True(logs.Contains(LogLevel.Error, "moved to " + storage.CrawlPoisonQueue.Name), "The poisoning was not logged.");
    }

    [Fact]
    public async Task A_message_that_is_not_a_crawl_request_is_poisoned_at_once_without_crawling()
    {
        var engine = new RecordingCrawlEngine();
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("queue"));
        await using var app = await StandaloneHost.CreateAsync(layout, engine, RecordingCrawlEngine.Seeds("http://a.example.gov.cn/"), FastRetries);
        var storage = app.Services.GetRequiredService<IngestStorage>();
        await storage.CrawlQueue.CreateAsync();
        await storage.CrawlQueue.SendMessageAsync("""{"host":"","sourceIds":[]}""");

        var drained = await app.Services.GetRequiredService<CrawlQueueConsumer>().DrainAsync(CancellationToken.None);

        Assert.Empty(engine.Crawled);
        Assert.Equal(1, drained.Poisoned);
        Assert.Single((await storage.CrawlPoisonQueue.ReceiveMessagesAsync(maxMessages: 10)).Value);
    }

    [Fact]
    public async Task A_request_that_fails_once_is_retried_and_then_deleted()
    {
        var failures = 0;
        var engine = new RecordingCrawlEngine(_ => Interlocked.Increment(ref failures) == 1
            ? throw new TimeoutException("slow table service")
            : new CrawlSummary { Hosts = 1, PagesFetched = 1 });
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("queue"));
        await using var app = await StandaloneHost.CreateAsync(layout, engine, RecordingCrawlEngine.Seeds("http://a.example.gov.cn/"), FastRetries);
        var storage = app.Services.GetRequiredService<IngestStorage>();
        await storage.CrawlQueue.CreateAsync();
        await storage.CrawlQueue.SendMessageAsync(CrawlRequestMessage.Encode(Request("a.example.gov.cn")));

        var drained = await app.Services.GetRequiredService<CrawlQueueConsumer>().DrainAsync(CancellationToken.None);

        Assert.Equal(2, engine.Crawled.Count);
        Assert.Equal((1, 1, 0), (drained.Crawled, drained.Retrying, drained.Poisoned));
        Assert.False(await storage.CrawlPoisonQueue.ExistsAsync());
    }
}
