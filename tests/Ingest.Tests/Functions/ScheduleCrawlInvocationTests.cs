using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Ingest.Functions.Hosting.Core;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest.Tests.Functions;

/// <summary>POST /ScheduleCrawl as the host sends it for the timer, against the crawl queue in Azurite.</summary>
public sealed class ScheduleCrawlInvocationTests
{
    private static async Task<HandlerServer> StartAsync() =>
        await HandlerServer.StartAsync(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<ICrawlEngine>(new RecordingCrawlEngine()));
            services.Replace(ServiceDescriptor.Singleton(SeedCatalog.Fixed(RecordingCrawlEngine.Seeds(
                "http://www.changsha.gov.cn/xxgk/ndbg/",
                "http://www.changsha.gov.cn/gzw/ndbg/",
                "https://www.hunan.gov.cn/zwgk/ndbg/"))));
        });

    /// <summary>The queue's raw message texts, read without the SDK's base64 decoding.</summary>
    private static async Task<List<string>> RawMessagesAsync(string queueName)
    {
        var queue = new QueueClient(await AzuriteHarness.ConnectionStringAsync(), queueName);
        var messages = (await queue.PeekMessagesAsync(maxMessages: 32)).Value;
        return [.. messages.Select(m => m.MessageText)];
    }

    [Fact]
    public async Task A_timer_fire_enqueues_one_base64_camelCase_message_per_host()
    {
        await using var server = await StartAsync();

        using var response = await server.InvokeAsync("ScheduleCrawl", HostPayloads.Timer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await RawMessagesAsync(server.Layout.CrawlQueue))
            .Select(text => JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)))!)
            .OrderBy(m => m["host"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("www.changsha.gov.cn", messages[0]["host"]!.GetValue<string>());
        Assert.Equal(["source-0", "source-1"], messages[0]["sourceIds"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("www.hunan.gov.cn", messages[1]["host"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", messages[1]["night"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_fire_on_the_same_night_enqueues_nothing()
    {
        await using var server = await StartAsync();

        using var first = await server.InvokeAsync("ScheduleCrawl", HostPayloads.Timer());
        using var second = await server.InvokeAsync("ScheduleCrawl", HostPayloads.Timer(pastDue: true));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, (await RawMessagesAsync(server.Layout.CrawlQueue)).Count);
        var reply = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Contains("already scheduled (past due)", reply["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_without_the_timer_replies_400_and_enqueues_nothing()
    {
        await using var server = await StartAsync();

        using var response = await server.InvokeAsync("ScheduleCrawl", """{"Data":{"timer":"\"not a TimerInfo\""},"Metadata":{}}""", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var queue = new QueueClient(await AzuriteHarness.ConnectionStringAsync(), server.Layout.CrawlQueue);
        Assert.False(await queue.ExistsAsync());
    }

    [Fact]
    public async Task A_storage_failure_replies_500_and_is_logged()
    {
        // Nothing listens on port 1: every storage call fails.
        await using var server = await HandlerServer.StartAsync(
            services => services.Replace(ServiceDescriptor.Singleton<ICrawlEngine>(new RecordingCrawlEngine())),
            settings: new Dictionary<string, string?> { ["Ingest:Host:SeedsPath"] = "/nonexistent/seeds.json" },
            connectionString: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Ingest.Functions.Hosting.LocalStorage.AzuriteProcess.AccountKey +
                ";BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;");

        using var response = await server.InvokeAsync("ScheduleCrawl", HostPayloads.Timer());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(server.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Error, "ScheduleCrawl failed"), "The failure was not logged.");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
    }
}
