using System.Globalization;
using System.Text.Json;
using Azure;
using Ingest.Functions.Hosting.Telemetry;
using Ingest.Records;

namespace Ingest.Functions.Cli;

/// <summary>
/// <c>status</c>: the morning view. The last host crawls (CrawlRuns), the crawl queue and its poison
/// queue, parse failures by kind and reason, and report counts per year, each from partition queries
/// (the agency list gives the years; each year's index partition gives its count).
/// </summary>
public sealed class StatusVerb : CliVerb
{
    private readonly Func<IConfiguration> configuration;
    private readonly Action<IServiceCollection>? configureServices;

    public StatusVerb()
        : this(OperatorSession.EnvironmentConfiguration)
    {
    }

    internal StatusVerb(Func<IConfiguration> configuration, Action<IServiceCollection>? configureServices = null)
    {
        this.configuration = configuration;
        this.configureServices = configureServices;
    }

    public override string Name => "status";

    public override string Summary => "Show the last crawls, queue and poison-queue lengths, parse failures and reports per year.";

    public override string Usage => """
        Usage: dotnet run --project functions -- status [--runs N] [--json]

        Shows the last N host crawls (default 10) with their outcomes and failures by kind, the
        crawl-requests queue and its poison queue, parse failures by kind and most common reasons, and
        how many reports are recorded per year.

          --runs N   how many recent host crawls to show (1-200)
          --json     one JSON object on stdout instead of text

        Storage: AzureWebJobsStorage. Exit codes: 0 shown, 2 bad arguments or no storage.
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var runCount = 10;
        var json = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--json")
            {
                json = true;
                continue;
            }

            if (arguments[i] == "--runs" && i + 1 < arguments.Count && int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 200)
            {
                runCount = n;
                i++;
                continue;
            }

            await console.Error.WriteLineAsync($"status: unexpected argument '{arguments[i]}' (--runs takes 1-200). Run 'status --help' for usage.");
            return ExitCodes.Usage;
        }

        await using var session = await OperatorSession.OpenAsync(Name, configuration(), configureServices, console, cancellationToken);
        if (session is null)
        {
            return ExitCodes.Usage;
        }

        var storage = session.Storage;
        var runs = await session.Services.GetRequiredService<CrawlRunLog>().LatestAsync(runCount, cancellationToken);
        var queue = await LengthAsync(storage.CrawlQueue, cancellationToken);
        var poison = await LengthAsync(storage.CrawlPoisonQueue, cancellationToken);
        var reader = session.Services.GetRequiredService<ReportReader>();
        var failures = new Dictionary<string, FailureTally>(StringComparer.Ordinal);
        foreach (var kind in FailureKind.All)
        {
            failures[kind] = await TallyFailuresAsync(reader, kind, cancellationToken);
        }

        var years = await ReportsPerYearAsync(reader, cancellationToken);
        var status = new
        {
            crawlRuns = runs,
            queues = new { crawl = new { name = storage.CrawlQueue.Name, length = queue }, poison = new { name = storage.CrawlPoisonQueue.Name, length = poison } },
            parseFailures = failures.ToDictionary(f => f.Key, f => new { count = f.Value.Count, reasons = f.Value.TopReasons() }),
            reportsPerYear = years.ToDictionary(y => y.Key.ToString(CultureInfo.InvariantCulture), y => y.Value),
        };

        if (json)
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(status, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            return ExitCodes.Success;
        }

        var o = console.Out;
        await o.WriteLineAsync($"Last {runs.Count} host crawl(s), newest first:");
        foreach (var run in runs)
        {
            var kinds = run.FailuresByKind.Count == 0 ? "" : " (" + string.Join(", ", run.FailuresByKind.Select(k => $"{k.Key} {k.Value}")) + ")";
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {run.FinishedAt:yyyy-MM-dd HH:mm:ss}Z  {run.Host}  fetched {run.PagesFetched}, new blobs {run.NewBlobs}, unchanged {run.Unchanged}, robots-denied {run.RobotsDenied}, failed {run.Failures}{kinds}{(run.Error is null ? "" : "  ERROR " + run.Error)}"));
        }

        await o.WriteLineAsync($"Queues: {storage.CrawlQueue.Name} {queue} message(s), {storage.CrawlPoisonQueue.Name} {poison} message(s)");
        await o.WriteLineAsync("Parse failures (see 'failures'):");
        foreach (var (kind, tally) in failures)
        {
            await o.WriteLineAsync($"  {kind}: {tally.Count}");
            foreach (var (reason, count) in tally.TopReasons())
            {
                await o.WriteLineAsync($"    {count} x {reason}");
            }
        }

        await o.WriteLineAsync("Reports per year:");
        foreach (var (year, count) in years)
        {
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {year}: {count}"));
        }

        return ExitCodes.Success;
    }

    private static async Task<int> LengthAsync(Azure.Storage.Queues.QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    private static async Task<FailureTally> TallyFailuresAsync(ReportReader reader, string kind, CancellationToken cancellationToken)
    {
        var tally = new FailureTally();
        string? token = null;
        do
        {
            var page = await reader.ListFailuresAsync(kind, ReportQuery.MaxPageSize, token, cancellationToken);
            foreach (var failure in page.Items)
            {
                tally.Add(failure.Reason);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return tally;
    }

    private static async Task<SortedDictionary<int, int>> ReportsPerYearAsync(ReportReader reader, CancellationToken cancellationToken)
    {
        var years = new SortedSet<int>();
        string? token = null;
        do
        {
            var page = await reader.ListAgenciesAsync(ReportQuery.MaxPageSize, token, cancellationToken);
            foreach (var agency in page.Items)
            {
                years.UnionWith(agency.Years);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        var counts = new SortedDictionary<int, int>();
        foreach (var year in years)
        {
            var count = 0;
            string? next = null;
            do
            {
                var page = await reader.ListReportsAsync(new ReportQuery { Year = year, PageSize = ReportQuery.MaxPageSize, ContinuationToken = next }, cancellationToken);
                count += page.Items.Count;
                next = page.ContinuationToken;
            }
            while (next is not null);
            counts[year] = count;
        }

        return counts;
    }

    private sealed class FailureTally
    {
        private readonly Dictionary<string, int> reasons = new(StringComparer.Ordinal);

        public int Count { get; private set; }

        public void Add(string reason)
        {
            Count++;
            // Reasons often end in specifics (an exception message, a URL); the first clause groups them.
            var key = reason.Split(['\n', ';'], 2)[0].Trim();
            key = key.Length > 160 ? key[..160] : key;
            reasons[key] = reasons.GetValueOrDefault(key) + 1;
        }

        public IReadOnlyList<KeyValuePair<string, int>> TopReasons() =>
            [.. reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(5)];
    }
}
