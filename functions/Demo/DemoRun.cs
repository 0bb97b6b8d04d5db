using Ingest.Functions.Cli;
using Ingest.Functions.Hosting;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Functions.Hosting.Core;
using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Functions.Hosting.Scheduling;
using Ingest.Functions.Hosting.Standalone;
using Ingest.Functions.ParseReport;
using Ingest.Records;
using Ingest.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Demo;

/// <summary>
/// The whole pipeline on the bundled sample site, through the production code: the scheduler enqueues one
/// crawl request per host, the standalone queue consumer runs the CrawlSource function body (the core
/// crawler archives pages to the raw container), and the ParseReport function body hands each raw blob to
/// the core's parse-and-record handler (which the standalone raw-blob watcher also calls), one blob at a
/// time so the demo can count outcomes. Then it serves <c>/api</c>.
/// </summary>
public static class DemoRun
{
    /// <summary>
    /// Crawler settings the demo needs: the sample site is on 127.0.0.1, which the crawler refuses by
    /// default (no requests into private addresses). The crawler area owns the option.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> CrawlerSettings { get; } = new Dictionary<string, string?>
    {
        ["Ingest:Crawler:AllowPrivateAddresses"] = "true",

        // The sample site is this process's own; a short gap keeps the per-host gate visible but quick.
        ["Ingest:Crawler:MinDelaySeconds"] = "0.2",

        // Whom the sample site would contact: nobody outside this machine sees the demo's requests.
        ["Ingest:Crawler:ContactUrl"] = "http://127.0.0.1/ingest-demo",
    };

    public static async Task<int> RunAsync(DemoSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        void Progress(string line) => console.Error.WriteLine("demo: " + line);

        var configuration = new Dictionary<string, string?>(CrawlerSettings)
        {
            [IngestHostOptions.Section + ":" + nameof(IngestHostOptions.Port)] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A failed crawl is retried after a second, not half a minute: the demo waits for the queue to drain.
            [IngestHostOptions.Section + ":" + nameof(IngestHostOptions.RetryDelaySeconds)] = "1",
            // Progress lines, not the web server's start-up chatter.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",

            // The demo prints its own progress lines; the pipeline's per-page logs would repeat them.
            ["Logging:LogLevel:Ingest"] = "Warning",
            ["Logging:LogLevel:System.Net.Http"] = "Warning",
        };
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(StorageConnection.SettingName)))
        {
            configuration[StorageConnection.SettingName] = "UseDevelopmentStorage=true";
        }

        foreach (var (key, value) in settings.App.Configuration)
        {
            configuration[key] = value;
        }

        Progress("starting the sample site");
        SampleSite site;
        try
        {
            site = await SampleSite.StartAsync(DemoSeeds.HostCount, settings.SitePort, cancellationToken);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync(
                $"demo: cannot serve the sample site on ports {settings.SitePort}–{settings.SitePort + DemoSeeds.HostCount - 1}: {e.Message} Use --site-port to pick others.");
            return ExitCodes.Failure;
        }

        await using var siteLifetime = site;
        Progress($"sample site: {string.Join(", ", site.Hosts)} ({DemoSeeds.HostCount} agencies, one host each)");

        var app = StandaloneApp.Create(settings.App with
        {
            Configuration = configuration,
            Services = services =>
            {
                services.Replace(ServiceDescriptor.Singleton(SeedCatalog.Fixed(DemoSeeds.For(site.Hosts))));
                settings.App.Services?.Invoke(services);
            },
        }, background: false);
        await using var __ = app;

        if (StartupCheck.Problems(app) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync(problem);
            }

            return ExitCodes.Usage;
        }

        await using var azurite = await DevelopmentStorage.EnsureAsync(app.Configuration, Progress, cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"demo: cannot serve the API on port {settings.Port}: {e.Message} Use --port to pick another.");
            return ExitCodes.Usage;
        }

        try
        {
            var report = await RunPipelineAsync(app.Services, site, Progress, cancellationToken);
            await console.Out.WriteLineAsync(report.ToJson());
            if (settings.Once)
            {
                return report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
            }

            var address = StandaloneApp.Address(app);
            Progress($"serving the API at {new Uri(address, "/api")} (Ctrl+C to stop); try:");
            foreach (var example in await ApiExamplesAsync(app.Services, cancellationToken))
            {
                Progress("  " + new Uri(address, example));
            }

            settings.Serving?.Invoke(new Uri(address, "/api"));
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return ExitCodes.Success;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<DemoReport> RunPipelineAsync(IServiceProvider services, SampleSite site, Action<string> progress, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<IngestStorage>();
        var options = services.GetRequiredService<IOptions<IngestHostOptions>>().Value;
        await storage.EnsureCreatedAsync(cancellationToken);

        // schedule → queue: forced, because a second demo run the same night must crawl again (conditionally).
        var night = CrawlScheduler.NightOf(services.GetRequiredService<TimeProvider>().GetUtcNow());
        var scheduled = await services.GetRequiredService<CrawlScheduler>().ScheduleNightAsync(night, force: true, cancellationToken);
        progress($"schedule: night {night:yyyy-MM-dd}, {scheduled.Enqueued} crawl request(s) on {storage.CrawlQueue.Name}");

        // queue → crawl → blob
        var crawled = await services.GetRequiredService<CrawlQueueConsumer>().DrainAsync(cancellationToken);
        var summary = crawled.Summary;
        progress($"crawl: {crawled.Crawled} host(s), {summary.PagesFetched} page(s) fetched, {summary.NewBlobs} new blob(s), " +
                 $"{summary.Unchanged} unchanged, {summary.RobotsDenied} denied by robots.txt, {summary.Failures} failure(s), {crawled.Poisoned} poisoned");

        // blob → parse → tables
        var parse = services.GetRequiredService<ParseReportFunction>();
        var outcomes = new List<ParseHandling>();
        await foreach (var blob in storage.RawContainer.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var handling = await ParseWithRetriesAsync(parse, blob.Name, options.MaxDequeueCount, cancellationToken);
            outcomes.Add(handling);
            if (handling.Outcome != ParseOutcomeKind.AlreadyDone)
            {
                progress("parse: " + ParseReportFunction.Describe(handling));
            }
        }

        int Count(ParseOutcomeKind kind) => outcomes.Count(o => o.Outcome == kind);
        progress($"parse: {Count(ParseOutcomeKind.Written)} report(s) recorded, {Count(ParseOutcomeKind.Quarantined)} quarantined, " +
                 $"{Count(ParseOutcomeKind.AlreadyDone)} already done");

        return new DemoReport
        {
            Hosts = crawled.Crawled,
            PagesFetched = summary.PagesFetched,
            Unchanged = summary.Unchanged,
            BlobsWritten = summary.NewBlobs,
            PageFailures = summary.Failures,
            CrawlFailures = crawled.Poisoned,
            ReportsParsed = Count(ParseOutcomeKind.Written),
            AlreadyParsed = Count(ParseOutcomeKind.AlreadyDone),
            Superseded = Count(ParseOutcomeKind.Superseded),
            Quarantined = Count(ParseOutcomeKind.Quarantined),
            ParseFailures = Count(ParseOutcomeKind.Failed) + Count(ParseOutcomeKind.Poisoned),
            NotModified = site.NotModified,
        };
    }

    /// <summary>Tries again as the blob trigger would; the handler counts tries and poisons at its limit.</summary>
    private static async Task<ParseHandling> ParseWithRetriesAsync(ParseReportFunction parse, string blobName, int maxTries, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var handling = await parse.HandleAsync(blobName, null, cancellationToken);
            if (handling.Outcome != ParseOutcomeKind.Failed || attempt >= maxTries)
            {
                return handling;
            }
        }
    }

    /// <summary>The GET routes under /api the app actually maps, parameters left as placeholders.</summary>
    /// <summary>Requests that answer something on the sample data, one per route (a real report id included).</summary>
    private static async Task<IReadOnlyList<string>> ApiExamplesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var reports = await services.GetRequiredService<ReportReader>()
            .ListReportsAsync(new ReportQuery { Year = 2023, PageSize = 1 }, cancellationToken);
        var id = reports.Items.Count > 0 ? reports.Items[0].ReportId : null;
        List<string> examples =
        [
            "/api/health",
            "/api/agencies?q=长沙",
            "/api/reports?year=2023",
            "/api/reports?era=gb2019",
            "/api/reports?status=failed",
            "/api/figures?key=applications.new.total&year=2023",
            "/api/figures?key=applications.new.total&year=2019&format=csv",
            "/api/openapi.json",
        ];
        if (id is not null)
        {
            examples.Insert(4, $"/api/reports/{id}");
            examples.Insert(5, $"/api/reports/{id}/source");
        }

        return examples;
    }
}
