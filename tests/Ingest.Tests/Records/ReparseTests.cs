using System.Net;
using System.Net.Sockets;
using Ingest.Functions.Cli;
using Ingest.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Tests.Records;

public sealed class ReparseTests
{
    private static readonly DateTimeOffset Fetched = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reparse_after_a_parser_version_change_updates_every_record_in_place()
    {
        var v1 = new ScriptedParser("1.0");
        await using var bed1 = await RecordsTestBed.CreateAsync(v1);
        await RawBlobWatcherTests.ArchiveAsync(bed1, v1, 6);
        v1.Answer("notice.html", RecordSamples.NotAReport("a notice"));
        await bed1.PutRawAsync("notice.html", RecordSamples.Capture("http://x.gov.cn/notice.html", Fetched));
        Assert.Equal(7, await bed1.Watcher.DrainAsync(CancellationToken.None));

        var v2 = new ScriptedParser("2.0");
        await using var bed2 = await RecordsTestBed.CreateAsync(v2, bed1.Layout);
        for (var i = 0; i < 6; i++)
        {
            v2.Answer(RawBlobWatcherTests.BlobName(i), RecordSamples.Prose($"测试市第{i}局", 2016) with { Warnings = ["v2 warning"] });
        }

        v2.Answer("notice.html", RecordSamples.Prose("测试市第9局", 2016));

        var summary = await bed2.Reparse.RunAsync(new ReparseFilter(), null, CancellationToken.None);

        Assert.Equal(7, summary.Count(ParseOutcomeKind.Written));
        var reports = await bed2.Reader.ListReportsAsync(new ReportQuery { Year = 2016, PageSize = 100 }, CancellationToken.None);
        Assert.Equal(7, reports.Items.Count);
        Assert.All(reports.Items, r => Assert.Equal("2.0", r.ParserVersion));
        foreach (var summaryItem in reports.Items)
        {
            var stored = await bed2.Reader.GetReportAsync(summaryItem.ReportId, CancellationToken.None);
            Assert.Equal("2.0", stored!.Record.ParserVersion);
            Assert.Equal("2.0", stored.Provenance.ParserVersion);
        }

        // The page v1 quarantined is a report for v2: its quarantine entry goes.
        Assert.Empty((await bed2.Reader.ListFailuresAsync(FailureKind.NotAReport, 10, null, CancellationToken.None)).Items);
        // Same version again: nothing to do unless forced.
        var again = await bed2.Reparse.RunAsync(new ReparseFilter(), null, CancellationToken.None);
        Assert.Equal(7, again.Count(ParseOutcomeKind.AlreadyDone));
        Assert.Equal(7, (await bed2.Reparse.RunAsync(new ReparseFilter { Force = true }, null, CancellationToken.None)).Count(ParseOutcomeKind.Written));
    }

    [Fact]
    public async Task A_filtered_reparse_touches_only_the_matching_reports()
    {
        var v1 = new ScriptedParser("1.0");
        await using var bed1 = await RecordsTestBed.CreateAsync(v1);
        v1.Answer("a", RecordSamples.Prose("长沙市国资委", 2016));
        v1.Answer("b", RecordSamples.Prose("长沙市国资委", 2017));
        v1.Answer("c", RecordSamples.Prose("株洲市财政局", 2017));
        foreach (var name in new[] { "a", "b", "c" })
        {
            await bed1.PutRawAsync(name, RecordSamples.Capture($"http://x.gov.cn/{name}", Fetched));
        }

        await bed1.Watcher.DrainAsync(CancellationToken.None);
        var v2 = new ScriptedParser("2.0");
        await using var bed2 = await RecordsTestBed.CreateAsync(v2, bed1.Layout);
        v2.Answer("a", RecordSamples.Prose("长沙市国资委", 2016));
        v2.Answer("b", RecordSamples.Prose("长沙市国资委", 2017));
        v2.Answer("c", RecordSamples.Prose("株洲市财政局", 2017));

        var summary = await bed2.Reparse.RunAsync(new ReparseFilter { Agency = "长沙市国资委", Year = 2017 }, null, CancellationToken.None);

        Assert.Equal(1, summary.Count(ParseOutcomeKind.Written));
        Assert.Equal(2, summary.Skipped);
        var versions = (await bed2.Reader.ListReportsAsync(new ReportQuery { Year = 2017 }, CancellationToken.None)).Items.ToDictionary(r => r.Agency, r => r.ParserVersion);
        Assert.Equal("2.0", versions["长沙市国资委"]);
        Assert.Equal("1.0", versions["株洲市财政局"]);
    }

    [Fact]
    public async Task The_reparse_verb_without_storage_configured_says_so_and_exits_2()
    {
        var verb = new ReparseVerb(() => new ConfigurationBuilder().Build());
        var (code, _, error) = await RunAsync(verb, []);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("AzureWebJobsStorage", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reparse_verb_with_unreachable_storage_says_so_and_exits_2()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var connection = global::Ingest.Functions.Hosting.LocalStorage.AzuriteProcess.ConnectionStringFor(port, port, port);
        var verb = new ReparseVerb(() => Configuration(connection));
        var (code, _, error) = await RunAsync(verb, []);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not reachable", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reparse_verb_rejects_bad_arguments_with_exit_2()
    {
        var verb = new ReparseVerb(() => new ConfigurationBuilder().Build());

        Assert.Equal(ExitCodes.Usage, (await RunAsync(verb, ["--year", "twenty"])).Code);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(verb, ["--since"])).Code);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(verb, ["--color"])).Code);
    }

    [Fact]
    public async Task The_reparse_verb_replays_archived_blobs_and_prints_a_summary()
    {
        var parser = new ScriptedParser("cli-1");
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        await RawBlobWatcherTests.ArchiveAsync(bed, parser, 3);
        var layout = bed.Layout;
        var verb = new ReparseVerb(() => Configuration(bed.ConnectionString), services =>
        {
            services.AddSingleton(parser.Release);
            services.AddSingleton(_ => Ingest.Storage.IngestStorage.FromConnectionString(bed.ConnectionString, layout));
        });

        var (code, output, _) = await RunAsync(verb, ["--since", "2024-01-01"]);

        Assert.Equal(ExitCodes.Success, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("written").GetInt32());
        Assert.Equal("cli-1", json.RootElement.GetProperty("parserVersion").GetString());
        Assert.Equal(3, (await bed.Reader.ListReportsAsync(new ReportQuery { Year = 2016 }, CancellationToken.None)).Items.Count);
        var (_, later, _) = await RunAsync(verb, ["--since", "2030-01-01"]);
        using var none = System.Text.Json.JsonDocument.Parse(later);
        Assert.Equal(0, none.RootElement.GetProperty("considered").GetInt32());
    }

    private static IConfiguration Configuration(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString }).Build();

    private static async Task<(int Code, string Output, string Error)> RunAsync(ReparseVerb verb, string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await verb.RunAsync(arguments, new CliConsole(output, error), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
