using System.Net;
using System.Text.Json;
using Ingest.Crawling;
using Ingest.Functions.Cli;
using Ingest.Functions.Demo;
using Ingest.Functions.Hosting;
using Ingest.Functions.Hosting.Core;
using Ingest.Storage;
using Ingest.Tests.Functions;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest.Tests.EndToEnd;

/// <summary>
/// The demo's own plumbing, independent of the crawler and parser: the sample site, schedule, queue,
/// the blobs the crawl leaves, the parse stage, the JSON summary and serving the API until cancelled.
/// A minimal crawl engine archives each source's listing page with a real HTTP GET into the real raw
/// container; the parse stage records what it is handed.
/// </summary>
public sealed class DemoOrchestrationTests
{
    private sealed class ListingArchiver(IServiceProvider services) : ICrawlEngine
    {
        public IReadOnlyList<CrawlRequest> Plan(SeedFile seeds, DateOnly night) => new RecordingCrawlEngine().Plan(seeds, night);

        public async Task<CrawlSummary> CrawlAsync(CrawlRequest request, SeedFile seeds, CancellationToken cancellationToken)
        {
            var storage = services.GetRequiredService<IngestStorage>();
            using var client = new HttpClient();
            var written = 0;
            foreach (var source in seeds.Sources.Where(s => request.SourceIds.Contains(s.Id)))
            {
                var bytes = await client.GetByteArrayAsync(source.ListingUrls[0], cancellationToken);
                var blob = storage.RawContainer.GetBlobClient($"{request.Host.Replace(':', '_')}/{source.Id}.html");
                if (!await blob.ExistsAsync(cancellationToken))
                {
                    await blob.UploadAsync(new BinaryData(bytes), cancellationToken);
                    written++;
                }
            }

            return new CrawlSummary { Hosts = 1, PagesFetched = request.SourceIds.Count, NewBlobs = written };
        }
    }

    [Fact]
    public async Task The_demo_runs_schedule_queue_crawl_and_parse_prints_its_summary_and_serves_until_cancelled()
    {
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("demoplumb"));
        var parsing = new RecordingReportParsing();
        var app = new AppSettings
        {
            Layout = layout,
            Configuration = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = await AzuriteHarness.ConnectionStringAsync() },
            Services = services =>
            {
                services.Replace(ServiceDescriptor.Singleton<ICrawlEngine>(provider => new ListingArchiver(provider)));
                services.Replace(ServiceDescriptor.Singleton<IReportParsing>(parsing));
            },
        };
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = DemoRun.RunAsync(new DemoSettings { Port = 0, SitePort = 0, App = app, Serving = uri => serving.TrySetResult(uri) }, new CliConsole(output, errors), stop.Token);
        var finished = await Task.WhenAny(serving.Task, run);
        Assert.True(finished == serving.Task, "The demo ended before serving: " + errors);
        var api = await serving.Task;
        using (var client = new HttpClient())
        {
            using var health = await client.GetAsync(new Uri(api.AbsoluteUri.TrimEnd('/') + "/health"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await run);

        var report = JsonSerializer.Deserialize<DemoReport>(output.ToString().Trim().Split('\n')[^1], new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(DemoSeeds.HostCount, report.Hosts);
        Assert.Equal(DemoSeeds.HostCount, report.BlobsWritten);
        Assert.Equal(DemoSeeds.HostCount, report.ReportsParsed);
        Assert.Equal(0, report.ParseFailures);
        Assert.Equal(DemoSeeds.HostCount, parsing.Calls.Count);
        Assert.All(parsing.Calls, call => Assert.Null(call.Content));
        var log = errors.ToString();
        Assert.Contains("demo: schedule: night", log, StringComparison.Ordinal);
        Assert.Contains($"{DemoSeeds.HostCount} crawl request(s)", log, StringComparison.Ordinal);
        Assert.Contains("demo: serving the API at http://127.0.0.1:", log, StringComparison.Ordinal);
        Assert.Contains("/api/health", log, StringComparison.Ordinal);
    }
}
