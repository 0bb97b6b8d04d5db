using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Ingest.Archive;
using Ingest.Crawling;
using Ingest.Functions.CrawlSource;
using Ingest.Functions.Hosting.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest.Tests.Functions;

/// <summary>
/// Host-shaped invocations through the real core (planner, parse-and-record handler), not the seams.
/// These need the crawler (planner) and records (handler) areas merged; the foundation's stubs throw.
/// </summary>
public sealed class CoreInvocationTests
{
    [Fact]
    public async Task A_timer_fire_through_the_real_planner_enqueues_one_message_per_host()
    {
        var seeds = new SeedFile(
        [
            new SeedSource { Id = "changsha-gzw", Agency = "长沙市国资委", ListingUrls = [new Uri("http://www.changsha.gov.cn/gzw/ndbg/")] },
            new SeedSource { Id = "changsha-fgw", Agency = "长沙市发改委", ListingUrls = [new Uri("http://www.changsha.gov.cn/fgw/ndbg/")] },
            new SeedSource { Id = "hunan-jgswj", Agency = "湖南省机关事务管理局", ListingUrls = [new Uri("http://jgswj.hunan.gov.cn/ndbg/")] },
        ]);
        await using var server = await HandlerServer.StartAsync(services => services.Replace(ServiceDescriptor.Singleton(SeedCatalog.Fixed(seeds))));

        using var response = await server.InvokeAsync("ScheduleCrawl", HostPayloads.Timer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await server.Storage.CrawlQueue.PeekMessagesAsync(maxMessages: 32)).Value
            .Select(m => CrawlRequestMessage.Decode(m.MessageText).Value!)
            .OrderBy(r => r.Host, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(["changsha-fgw", "changsha-gzw"], messages.Single(m => m.Host.Contains("changsha", StringComparison.Ordinal)).SourceIds.Order(StringComparer.Ordinal));
        Assert.Equal(["hunan-jgswj"], messages.Single(m => m.Host.Contains("hunan", StringComparison.Ordinal)).SourceIds);
    }

    [Fact]
    public async Task A_GBK_capture_delivered_by_the_blob_trigger_is_recorded_once_and_a_replay_changes_nothing()
    {
        await using var server = await HandlerServer.StartAsync();
        var page = ParseReportInvocationTests.Gbk(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>长沙市国资委2023年政府信息公开工作年度报告</title></head>" +
            "<body><p>长沙市国资委2023年政府信息公开工作年度报告</p><p>本年新收政府信息公开申请数量 3</p></body></html>");
        const string name = "www.changsha.gov.cn/2024/t20240115_2023.html";
        var capture = new CaptureMetadata
        {
            SourceUrl = "http://www.changsha.gov.cn/gzw/ndbg/t20240115_2023.html",
            FinalUrl = "http://www.changsha.gov.cn/gzw/ndbg/t20240115_2023.html",
            FetchedAt = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero),
            HttpStatus = 200,
            ContentType = "text/html",
            Charset = "gbk",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(page)),
            CrawlerVersion = "test",
            Agency = "长沙市国资委",
        };
        await server.Storage.RawContainer.CreateIfNotExistsAsync();
        await server.Storage.RawContainer.GetBlobClient(name).UploadAsync(new BinaryData(page), new BlobUploadOptions { Metadata = capture.ToBlobMetadata() });

        using var first = await server.InvokeAsync("ParseReport", HostPayloads.Blob(name, page));
        using var replay = await server.InvokeAsync("ParseReport", HostPayloads.Blob(name, page, HostPayloads.RetryContext(1, 5)));

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var firstLog = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["Logs"]![0]!.GetValue<string>();
        var replayLog = JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["Logs"]![0]!.GetValue<string>();
        Assert.Matches(": (Written|Quarantined)", firstLog);
        Assert.Contains(": AlreadyDone", replayLog, StringComparison.Ordinal);
    }
}
