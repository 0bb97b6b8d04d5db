using System.Globalization;
using System.Text.Json;
using Ingest.Crawling;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Functions.Hosting.Core;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Cli;

/// <summary>
/// <c>crawl</c>: crawls now, without waiting for the night. Each host goes through the same
/// <see cref="ICrawlEngine"/> (planner + HostCrawler) the CrawlSource function calls, directly rather than
/// through the crawl-requests queue: the operator wants the result in this terminal, and a running
/// consumer (standalone or in Azure) must not pick the work up instead. Politeness is unchanged: one
/// host at a time per host, <c>Ingest__Host__CrawlConcurrency</c> hosts at once. Every host crawl is
/// recorded in CrawlRuns like a scheduled one; new blobs are parsed by the blob trigger / watcher as usual.
/// </summary>
public sealed class CrawlVerb : CliVerb
{
    private readonly Func<IConfiguration> configuration;
    private readonly Action<IServiceCollection>? configureServices;

    public CrawlVerb()
        : this(OperatorSession.EnvironmentConfiguration)
    {
    }

    internal CrawlVerb(Func<IConfiguration> configuration, Action<IServiceCollection>? configureServices = null)
    {
        this.configuration = configuration;
        this.configureServices = configureServices;
    }

    public override string Name => "crawl";

    public override string Summary => "Crawl now (all hosts of the seeds file, or one), archive new pages, print a summary.";

    public override string Usage => """
        Usage: dotnet run --project functions -- crawl [--seeds FILE] [--host HOST]

        Crawls the seeds file's sources now, through the same planner and crawler the CrawlSource function
        runs (not through the queue), archives new captures to the raw container and records each host's
        run in the CrawlRuns table (see 'status'). The blob trigger or the standalone watcher parses them.
        Progress goes to stderr, the summary (JSON) to stdout.

          --seeds FILE   the seeds file (default Ingest__Host__SeedsPath, seeds.json)
          --host HOST    only this host (as in the sources' listing URLs, e.g. www.changsha.gov.cn)

        Storage: AzureWebJobsStorage. Exit codes: 0 crawled without page failures, 1 some pages or hosts
        failed (see the summary and 'status'), 2 bad arguments, bad seeds file, unknown host or no storage.
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        string? seedsPath = null;
        string? host = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is "--seeds" or "--host" && i + 1 < arguments.Count && !string.IsNullOrWhiteSpace(arguments[i + 1]))
            {
                if (arguments[i] == "--seeds")
                {
                    seedsPath = arguments[++i];
                }
                else
                {
                    host = arguments[++i].Trim();
                }

                continue;
            }

            await console.Error.WriteLineAsync(arguments[i] is "--seeds" or "--host"
                ? $"crawl: {arguments[i]} needs a value. Run 'crawl --help' for usage."
                : $"crawl: unknown argument '{arguments[i]}'. Run 'crawl --help' for usage.");
            return ExitCodes.Usage;
        }

        var settings = configuration();
        seedsPath ??= settings.GetSection(IngestHostOptions.Section).GetValue<string>(nameof(IngestHostOptions.SeedsPath)) ?? new IngestHostOptions().SeedsPath;
        SeedFile seeds;
        try
        {
            seeds = SeedFile.Load(Path.GetFullPath(seedsPath));
        }
        catch (Exception e) when (e is SeedFileException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"crawl: cannot use the seeds file {seedsPath}: {OperatorSession.FirstLine(e.Message)}");
            return ExitCodes.Usage;
        }

        await using var session = await OperatorSession.OpenAsync(Name, settings, configureServices, console, cancellationToken);
        if (session is null)
        {
            return ExitCodes.Usage;
        }

        var engine = session.Services.GetRequiredService<ICrawlEngine>();
        var time = session.Services.GetRequiredService<TimeProvider>();
        var night = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var requests = engine.Plan(seeds, night);
        if (host is not null)
        {
            requests = [.. requests.Where(r => string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase))];
            if (requests.Count == 0)
            {
                var known = engine.Plan(seeds, night).Select(r => r.Host).Order(StringComparer.Ordinal);
                await console.Error.WriteLineAsync($"crawl: no source in {seedsPath} is on host '{host}'. Hosts: {string.Join(", ", known)}.");
                return ExitCodes.Usage;
            }
        }

        var concurrency = Math.Max(1, session.Services.GetRequiredService<IOptions<IngestHostOptions>>().Value.CrawlConcurrency);
        await console.Error.WriteLineAsync($"crawl: {requests.Count} host(s), {requests.Sum(r => r.SourceIds.Count)} source(s), {concurrency} host(s) at a time");
        var total = new CrawlSummary();
        var failedHosts = new List<object>();
        var done = 0;
        var gate = new Lock();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (request, token) =>
        {
            try
            {
                var summary = await engine.CrawlAsync(request, seeds, token);
                lock (gate)
                {
                    total += summary;
                    done++;
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"crawl: [{done}/{requests.Count}] {request.Host}: {summary.PagesFetched} fetched, {summary.NewBlobs} new blob(s), {summary.Unchanged} unchanged, {summary.RobotsDenied} robots-denied, {summary.Failures} failed"));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (gate)
                {
                    done++;
                    failedHosts.Add(new { host = request.Host, error = OperatorSession.FirstLine(e.Message) });
                    console.Error.WriteLine($"crawl: [{done}/{requests.Count}] {request.Host}: failed: {OperatorSession.FirstLine(e.Message)}");
                }
            }
        });

        var json = new
        {
            night = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            hosts = total.Hosts,
            pagesFetched = total.PagesFetched,
            unchanged = total.Unchanged,
            newBlobs = total.NewBlobs,
            robotsDenied = total.RobotsDenied,
            failures = total.Failures,
            failuresByKind = total.FailuresByKind,
            failedHosts,
        };
        await console.Out.WriteLineAsync(JsonSerializer.Serialize(json));
        return total.Failures > 0 || failedHosts.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
