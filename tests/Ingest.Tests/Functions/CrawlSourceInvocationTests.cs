using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Crawling;
using Ingest.Functions.Hosting.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ingest.Tests.Functions;

/// <summary>POST /CrawlSource as the host sends it for a queue trigger on crawl-requests.</summary>
public sealed class CrawlSourceInvocationTests
{
    private const string Message = """{"host":"www.changsha.gov.cn","sourceIds":["changsha-gzw","changsha-fgw"],"night":"2026-11-23"}""";

    private static async Task<(HandlerServer Server, RecordingCrawlEngine Engine)> StartAsync(Func<CrawlRequest, CrawlSummary>? crawl = null)
    {
        var engine = new RecordingCrawlEngine(crawl);
        var seeds = RecordingCrawlEngine.Seeds("http://www.changsha.gov.cn/xxgk/ndbg/");
        var server = await HandlerServer.StartAsync(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<ICrawlEngine>(engine));
            services.Replace(ServiceDescriptor.Singleton(SeedCatalog.Fixed(seeds)));
        });
        return (server, engine);
    }

    public static TheoryData<string, JsonNode?> Deliveries => new()
    {
        // What the host sends for a queue trigger without dataType: the text as a string, JSON-encoded twice.
        { "double-encoded string", HostPayloads.Twice(Message) },
        // A host that binds the message as a POCO/JObject sends the object itself.
        { "JSON object", JsonNode.Parse(Message) },
        // The text once encoded (a plain string value).
        { "plain string", Message },
        // A producer that base64-encoded on top of the queue's own base64.
        { "still base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(Message)) },
    };

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task The_queue_message_is_decoded_to_the_crawl_request_however_it_is_wrapped(string delivery, JsonNode? data)
    {
        var (server, engine) = await StartAsync();
        await using var _ = server;

        using var response = await server.InvokeAsync("CrawlSource", HostPayloads.QueueWith(data));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{delivery}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var request = Assert.Single(engine.Crawled);
        Assert.Equal("www.changsha.gov.cn", request.Host);
        Assert.Equal(["changsha-gzw", "changsha-fgw"], request.SourceIds);
        Assert.Equal(new DateOnly(2026, 11, 23), request.Night);
    }

    [Fact]
    public async Task The_reply_logs_the_crawl_summary_and_the_dequeue_count_is_logged()
    {
        var (server, _) = await StartAsync();
        await using var __ = server;

        using var response = await server.InvokeAsync("CrawlSource", HostPayloads.Queue(Message, dequeueCount: 3));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("www.changsha.gov.cn: 3 page(s) fetched, 2 new blob(s)", reply["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(server.Logs.Contains(LogLevel.Information, "try 3"), "The dequeue count was not logged.");
    }

    [Fact]
    public async Task A_crawl_that_throws_replies_500_and_is_logged_by_the_handler()
    {
        var (server, _) = await StartAsync(_ => throw new InvalidOperationException("table service unavailable"));
        await using var __ = server;

        using var response = await server.InvokeAsync("CrawlSource", HostPayloads.Queue(Message, dequeueCount: 2));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(server.Logs.Contains(LogLevel.Error, "Crawling www.changsha.gov.cn failed on try 2"), "The failure was not logged.");
    }

    [Theory]
    [InlineData("""{"sourceIds":["a"],"night":"2026-11-23"}""", "names no host")]
    [InlineData("""{"host":"www.changsha.gov.cn","sourceIds":[],"night":"2026-11-23"}""", "names no sources")]
    [InlineData("""{"host":"www.changsha.gov.cn","sourceIds":["a"]}""", "names no night")]
    [InlineData("""{"host":"www.changsha.gov.cn","sourceIds":["a"],"night":"tonight"}""", "not a crawl request")]
    [InlineData("crawl www.changsha.gov.cn please", "not a crawl request")]
    public async Task A_malformed_message_replies_400_and_crawls_nothing(string message, string reason)
    {
        var (server, engine) = await StartAsync();
        await using var _ = server;

        using var response = await server.InvokeAsync("CrawlSource", HostPayloads.Queue(message));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(engine.Crawled);
        Assert.True(server.Logs.Contains(LogLevel.Warning, reason), "The rejected message was not logged.");
    }
}
