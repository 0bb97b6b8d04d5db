using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingest.Functions.Cli;
using Ingest.Records;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Tests.Operations;

/// <summary>The operator's verbs against Azurite, on data the crawl verb fetched from the fixture site.</summary>
public sealed class OperatorVerbTests
{
    [Fact]
    public async Task Crawl_then_status_failures_retry_and_export_work_on_the_crawled_data()
    {
        await using var site = await FixtureSite.StartAsync();
        FixtureSiteSample.Map(site);
        var connection = await AzuriteHarness.ConnectionStringAsync();
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("ops"));
        var parser = new SiteParser();
        var seeds = SeedsFile(FixtureSiteSample.SeedJson(site));
        var configuration = Configuration(connection);
        void Services(IServiceCollection services)
        {
            services.Replace(ServiceDescriptor.Singleton(IngestStorage.FromConnectionString(connection, layout)));
            services.Replace(ServiceDescriptor.Singleton(parser.Release));
        }

        // crawl
        var (code, output, error) = await RunAsync(new CrawlVerb(() => configuration, Services), ["--seeds", seeds, "--host", site.Authority]);
        Assert.True(code == ExitCodes.Success, error);
        var crawl = JsonDocument.Parse(output).RootElement;
        Assert.Equal(FixtureSiteSample.Reports.Count, crawl.GetProperty("newBlobs").GetInt32());
        Assert.Equal(1, crawl.GetProperty("robotsDenied").GetInt32());
        Assert.Contains($"[1/1] {site.Authority}", error, StringComparison.Ordinal);

        // parse the captures as the watcher does
        var storage = IngestStorage.FromConnectionString(connection, layout);
        var records = new ServiceCollection();
        records.AddSingleton(storage);
        records.AddIngestCore(new ConfigurationBuilder().Build());
        records.Replace(ServiceDescriptor.Singleton(parser.Release));
        await using (var provider = records.BuildServiceProvider())
        {
            await provider.GetRequiredService<RawBlobWatcher>().DrainAsync(CancellationToken.None);
        }

        // status
        (code, output, error) = await RunAsync(new StatusVerb(() => configuration, Services), ["--json"]);
        Assert.True(code == ExitCodes.Success, error);
        var status = JsonDocument.Parse(output).RootElement;
        var run = Assert.Single(status.GetProperty("crawlRuns").EnumerateArray());
        Assert.Equal(site.Authority, run.GetProperty("host").GetString());
        Assert.Equal(FixtureSiteSample.Reports.Count, run.GetProperty("newBlobs").GetInt32());
        Assert.Equal(0, status.GetProperty("queues").GetProperty("crawl").GetProperty("length").GetInt32());
        Assert.Equal(0, status.GetProperty("queues").GetProperty("poison").GetProperty("length").GetInt32());
        Assert.Equal(1, status.GetProperty("parseFailures").GetProperty(FailureKind.NotAReport).GetProperty("count").GetInt32());
        Assert.Equal(FixtureSiteSample.Reports.Count - 1, status.GetProperty("reportsPerYear").GetProperty("2023").GetInt32());
        (code, output, _) = await RunAsync(new StatusVerb(() => configuration, Services), []);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("not_a_report: 1", output, StringComparison.Ordinal);
        Assert.Contains("2023: " + (FixtureSiteSample.Reports.Count - 1), output, StringComparison.Ordinal);

        // failures: listed with the reason
        (code, output, error) = await RunAsync(new FailuresVerb(() => configuration, Services), []);
        Assert.True(code == ExitCodes.Success, error);
        var failure = JsonDocument.Parse(Assert.Single(Lines(output))).RootElement;
        Assert.Equal(FailureKind.NotAReport, failure.GetProperty("kind").GetString());
        Assert.Contains(SiteParser.NotReportMarker, failure.GetProperty("sourceUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("scripted: no report tables", failure.GetProperty("reason").GetString());

        // --retry before the fix: still failing, exit 1, still listed
        (code, _, _) = await RunAsync(new FailuresVerb(() => configuration, Services), ["--retry"]);
        Assert.Equal(ExitCodes.Failure, code);

        // the fix; --retry records it, the failure is gone
        parser.Fixed = true;
        (code, output, error) = await RunAsync(new FailuresVerb(() => configuration, Services), ["--retry"]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal("written", JsonDocument.Parse(Assert.Single(Lines(output))).RootElement.GetProperty("retried").GetProperty("outcome").GetString());
        (_, output, _) = await RunAsync(new FailuresVerb(() => configuration, Services), []);
        Assert.Empty(Lines(output));

        // export: all figures of 2023, and one key
        var all = Path.Combine(Path.GetTempPath(), AzuriteHarness.UniqueName("export") + ".csv");
        (code, output, error) = await RunAsync(new ExportVerb(() => configuration, Services), ["--year", "2023", "--out", all]);
        Assert.True(code == ExitCodes.Success, error);
        var bytes = await File.ReadAllBytesAsync(all);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("reportId,agency,region,year,era,checksStatus,key,state,value,unit,sourceUrl,parserVersion", rows[0]);
        var sample = Tests.Records.RecordSamples.Gb2021("x", 2023);
        var cellsPerReport = sample.Figures.Count + sample.Blank.Count + sample.NotApplicable.Count;
        Assert.Equal(FixtureSiteSample.Reports.Count * cellsPerReport, rows.Length - 1);
        Assert.Equal(FixtureSiteSample.Reports.Count, JsonDocument.Parse(output).RootElement.GetProperty("reports").GetInt32());
        Assert.Contains(rows, r => r.Contains(",applications.new.total,value,", StringComparison.Ordinal) && r.Contains("湖南省长沙市", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",blank,,", StringComparison.Ordinal));

        var one = Path.Combine(Path.GetTempPath(), AzuriteHarness.UniqueName("export") + ".csv");
        (code, _, error) = await RunAsync(new ExportVerb(() => configuration, Services), ["--year", "2023", "--key", "proactive.art20_5.licensing.decisions", "--out", one]);
        Assert.True(code == ExitCodes.Success, error);
        var keyed = (await File.ReadAllTextAsync(one, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(FixtureSiteSample.Reports.Count + 1, keyed.Length);
        Assert.All(keyed.Skip(1), r => Assert.Contains(",proactive.art20_5.licensing.decisions,value,1234,", r, StringComparison.Ordinal));
        File.Delete(all);
        File.Delete(one);
    }

    [Fact]
    public async Task Without_storage_each_verb_says_so_and_exits_2()
    {
        var empty = new ConfigurationBuilder().Build();
        var output = Path.Combine(Path.GetTempPath(), "never.csv");
        CliVerb[] verbs = [new StatusVerb(() => empty), new FailuresVerb(() => empty), new ExportVerb(() => empty), new CrawlVerb(() => empty)];
        foreach (var verb in verbs)
        {
            IReadOnlyList<string> arguments = verb switch
            {
                ExportVerb => ["--year", "2023", "--out", output],
                CrawlVerb => ["--seeds", SeedsFile(SeedJson("http://www.example.gov.cn/ndbg/"))],
                _ => [],
            };
            var (code, _, error) = await RunAsync(verb, arguments);
            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("AzureWebJobsStorage", error, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Storage_that_does_not_answer_is_reported_as_not_reachable()
    {
        var closed = Configuration("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;");
        var (code, _, error) = await RunAsync(new StatusVerb(() => closed), []);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("storage is not reachable", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_seeds_file_or_an_unknown_host_stops_the_crawl_verb_with_a_clear_message()
    {
        var configuration = Configuration(await AzuriteHarness.ConnectionStringAsync());
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("ops"));
        var connection = await AzuriteHarness.ConnectionStringAsync();
        void Services(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton(IngestStorage.FromConnectionString(connection, layout)));

        var (code, _, error) = await RunAsync(new CrawlVerb(() => configuration, Services), ["--seeds", SeedsFile("{ not json")]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("cannot use the seeds file", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync(new CrawlVerb(() => configuration, Services), ["--seeds", Path.Combine(Path.GetTempPath(), "no-such-seeds.json")]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("cannot use the seeds file", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync(new CrawlVerb(() => configuration, Services), ["--seeds", SeedsFile(SeedJson("http://www.example.gov.cn/ndbg/")), "--host", "www.elsewhere.gov.cn"]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no source", error, StringComparison.Ordinal);
        Assert.Contains("www.example.gov.cn", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync(new CrawlVerb(() => configuration, Services), ["--host"]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("needs a value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_verb_has_help_and_rejects_unknown_arguments()
    {
        foreach (var name in new[] { "crawl", "status", "failures", "export" })
        {
            var (code, output, _) = await RunCommandLineAsync([name, "--help"]);
            Assert.Equal(ExitCodes.Success, code);
            Assert.StartsWith("Usage: dotnet run --project functions -- " + name, output, StringComparison.Ordinal);
        }

        var empty = new ConfigurationBuilder().Build();
        Assert.Equal(ExitCodes.Usage, (await RunAsync(new StatusVerb(() => empty), ["--colour"])).Code);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(new FailuresVerb(() => empty), ["--kind", "bogus"])).Code);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(new ExportVerb(() => empty), ["--year", "twenty", "--out", "x.csv"])).Code);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(new ExportVerb(() => empty), ["--year", "2023"])).Code);
    }

    private static IConfiguration Configuration(string connection) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [StorageConnection.SettingName] = connection,
        ["Ingest:Crawler:AllowPrivateAddresses"] = "true",
        ["Ingest:Crawler:ContactUrl"] = "https://ingest.example.org/crawler",
        ["Ingest:Crawler:MinDelaySeconds"] = "0.05",
        ["Ingest:Crawler:RetryBaseDelaySeconds"] = "0.05",
        ["Ingest:Crawler:AttemptTimeoutSeconds"] = "5",
        ["Ingest:Records:RetryDelay"] = "00:00:00",
    }).Build();

    private static string SeedJson(string listing) =>
        $$"""{ "sources": [ { "id": "example", "agency": "示例机构", "region": "示例省", "listingUrls": ["{{listing}}"] } ] }""";

    private static string SeedsFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), AzuriteHarness.UniqueName("seeds") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int Code, string Output, string Error)> RunAsync(CliVerb verb, IReadOnlyList<string> arguments)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await verb.RunAsync(arguments, new CliConsole(output, error), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output, string Error)> RunCommandLineAsync(string[] arguments)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CommandLine.RunAsync(arguments, new CliConsole(output, error), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
