using System.Net;
using System.Text.Json;
using Ingest.Archive;
using Ingest.Functions.Cli;
using Ingest.Functions.Demo;
using Ingest.Functions.Hosting;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.EndToEnd;

/// <summary>
/// The README's run command end to end: <c>demo --once</c> in-process against the test Azurite, through
/// the production crawler, archive, parser and records code, then the API over what it wrote. Needs the
/// crawler, records, parser and lookup areas merged (the foundation's stubs throw until then).
/// </summary>
public sealed class DemoPipelineTests
{
    /// <summary>Report pages on the sample site: seven real reports and the deliberately broken one.</summary>
    private const int ReportPages = 8;

    private static async Task<(int ExitCode, DemoReport Report, string Errors)> RunAsync(DemoSettings settings, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await DemoRun.RunAsync(settings, new CliConsole(output, errors), cancellationToken);
        var last = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException("The demo printed nothing on stdout. Its stderr:\n" + errors);
        var report = JsonSerializer.Deserialize<DemoReport>(last, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return (exitCode, report, errors.ToString());
    }

    [Fact]
    public async Task The_demo_crawls_parses_and_serves_the_sample_site_and_a_second_run_only_revalidates()
    {
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("demo"));

        // The same four site ports in both runs: the same hosts, so the second run can revalidate.
        var sitePort = LoopbackPorts.FreeBlock(4);
        var app = new AppSettings
        {
            Layout = layout,
            Configuration = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = await AzuriteHarness.ConnectionStringAsync() },
        };

        var (exitCode, first, errors) = await RunAsync(new DemoSettings { Port = 0, SitePort = sitePort, Once = true, App = app });

        Assert.True(exitCode == ExitCodes.Success, errors);
        Assert.Equal(DemoSeeds.HostCount, first.Hosts);
        Assert.Equal(ReportPages, first.BlobsWritten);
        Assert.True(first.PagesFetched >= ReportPages, $"Only {first.PagesFetched} pages fetched.");
        Assert.Equal(7, first.ReportsParsed);
        Assert.Equal(1, first.Quarantined);
        Assert.Equal(0, first.ParseFailures);

        // The archive: raw bytes exactly as served, with provenance pointing at the sample site.
        var blobs = await AzuriteHarness.BlobsAsync();
        var raw = blobs.GetBlobContainerClient(layout.RawContainer);
        var sources = new List<string>();
        await foreach (var blob in raw.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            var capture = CaptureMetadata.FromBlobMetadata(blob.Metadata);
            Assert.NotNull(capture);
            sources.Add(new Uri(capture.SourceUrl).AbsolutePath);
        }

        Assert.Contains("/changsha/gzw/ndbg/t20180129_2017.html", sources);
        Assert.DoesNotContain(sources, s => s.Contains("/drafts/", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.EndsWith("_jd.html", StringComparison.Ordinal));

        // Second run, same storage: conditional fetches, no new blobs, then the API until cancelled.
        using var stop = new CancellationTokenSource();
        var serving = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = RunAsync(new DemoSettings { Port = 0, SitePort = sitePort, App = app, Serving = uri => serving.TrySetResult(uri) }, stop.Token);
        var api = await await Task.WhenAny(serving.Task, second.ContinueWith(t => new Uri("about:blank"), TaskScheduler.Default));
        Assert.True(api.Scheme == "http", "The second demo run ended before serving the API.");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(api.AbsoluteUri.TrimEnd('/') + "/") };
            using var health = await client.GetAsync("health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            // The lookup area's list route; the 2023 report of 长沙市国资委 must be among the records.
            using var reports = await client.GetAsync("reports?year=2023");
            Assert.Equal(HttpStatusCode.OK, reports.StatusCode);
            Assert.Contains("国资委", await reports.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // A table figure across reports: the township's 2023 table 三 (pipe-flattened on its page).
            using var figure = await client.GetAsync("figures?key=applications.new.total&year=2023");
            Assert.Equal(HttpStatusCode.OK, figure.StatusCode);
            Assert.Contains("那拉提镇人民政府", await figure.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // The 2019 Shanghai report (Word-export table with spans): 859 new applications, as a CSV row.
            using var shanghai = await client.GetAsync("figures?key=applications.new.total&year=2019&format=csv");
            Assert.Equal(HttpStatusCode.OK, shanghai.StatusCode);
            var csv = await shanghai.Content.ReadAsStringAsync();
            Assert.Contains(csv.Split('\n'), line => line.Contains("上海市人民政府办公厅", StringComparison.Ordinal) && line.Contains(",859,", StringComparison.Ordinal));
        }
        finally
        {
            await stop.CancelAsync();
        }

        var (secondExit, again, secondErrors) = await second;
        Assert.True(secondExit == ExitCodes.Success, secondErrors);
        Assert.Equal(0, again.BlobsWritten);
        Assert.True(again.NotModified > 0, "The second run did not revalidate conditionally.");
        Assert.Equal(0, again.ReportsParsed);
        Assert.Equal(0, again.ParseFailures);
    }
}
