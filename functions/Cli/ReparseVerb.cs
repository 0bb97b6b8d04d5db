using System.Globalization;
using System.Text.Json;
using Azure;
using Ingest.Records;
using Ingest.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Cli;

/// <summary>
/// <c>reparse</c>: replays archived raw blobs through the current parser and rewrites their records in
/// place. Storage comes from the environment (<c>AzureWebJobsStorage</c>), as for the function app.
/// </summary>
public sealed class ReparseVerb : CliVerb
{
    private static readonly TimeSpan StorageProbeTimeout = TimeSpan.FromSeconds(20);
    private readonly Func<IConfiguration> configuration;
    private readonly Action<IServiceCollection>? configureServices;

    public ReparseVerb()
        : this(() => new ConfigurationBuilder().AddEnvironmentVariables().Build())
    {
    }

    /// <summary>Tests pass their own configuration and services (a layout, a parser release).</summary>
    internal ReparseVerb(Func<IConfiguration> configuration, Action<IServiceCollection>? configureServices = null)
    {
        this.configuration = configuration;
        this.configureServices = configureServices;
    }

    public override string Name => "reparse";

    public override string Summary => "Replay archived raw pages through the current parser and update their records.";

    public override string Usage => """
        Usage: dotnet run --project functions -- reparse [--agency NAME] [--year YYYY] [--region NAME] [--since DATE] [--force] [--verbose]

        Replays every archived raw blob (or the filtered ones) through the current parser. Records are
        updated in place and say which parser version wrote them; nothing is duplicated. Blobs the
        current parser version already handled are skipped unless --force is given.

          --agency NAME   only pages whose report (or crawl seed) names this agency
          --year YYYY     only pages whose report is for this year
          --region NAME   only captures whose crawl seed names this region
          --since DATE    only captures fetched on or after DATE (YYYY-MM-DD or ISO 8601, UTC)
          --force         re-handle blobs that already have a receipt for this parser version
          --verbose       one line per blob on stderr

        Storage: AzureWebJobsStorage (e.g. UseDevelopmentStorage=true for a running Azurite).
        Prints a JSON summary on stdout. Exit codes: 0 done, 1 some blobs failed or were poisoned,
        2 bad arguments or no storage.
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        if (ParseArguments(arguments, out var filter, out var verbose) is { } problem)
        {
            await console.Error.WriteLineAsync($"reparse: {problem} Run 'reparse --help' for usage.");
            return ExitCodes.Usage;
        }

        var services = new ServiceCollection();
        try
        {
            services.AddIngestCore(configuration());
            configureServices?.Invoke(services);
        }
        catch (InvalidOperationException e)
        {
            await console.Error.WriteLineAsync($"reparse: {e.Message}");
            return ExitCodes.Usage;
        }

        await using var provider = services.BuildServiceProvider();
        ReparseRunner runner;
        try
        {
            runner = provider.GetRequiredService<ReparseRunner>();
            var storage = provider.GetRequiredService<IngestStorage>();
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            probe.CancelAfter(StorageProbeTimeout);
            await storage.EnsureRecordsTablesAsync(probe.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException or FormatException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"reparse: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException ||
                                  (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await console.Error.WriteLineAsync(
                $"reparse: storage is not reachable ({FirstLine(e.Message)}). Check AzureWebJobsStorage, or start Azurite.");
            return ExitCodes.Usage;
        }

        await console.Error.WriteLineAsync($"reparse: replaying archived blobs through parser {runner.ParserVersion}...");
        var progress = new SynchronousProgress(handling =>
        {
            if (verbose || handling.Outcome is ParseOutcomeKind.Failed or ParseOutcomeKind.Poisoned)
            {
                console.Error.WriteLine($"{handling.Outcome.ToString().ToLowerInvariant()}\t{handling.BlobName}\t{handling.ReportId}\t{handling.Reason}");
            }
        });
        var summary = await runner.RunAsync(filter, progress, cancellationToken);

        var json = new Dictionary<string, object>
        {
            ["parserVersion"] = summary.ParserVersion,
            ["considered"] = summary.Considered,
            ["skipped"] = summary.Skipped,
        };
        foreach (var kind in Enum.GetValues<ParseOutcomeKind>())
        {
            json[JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())] = summary.Count(kind);
        }

        await console.Out.WriteLineAsync(JsonSerializer.Serialize(json));
        return summary.Count(ParseOutcomeKind.Failed) + summary.Count(ParseOutcomeKind.Poisoned) > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static string? ParseArguments(IReadOnlyList<string> arguments, out ReparseFilter filter, out bool verbose)
    {
        filter = new ReparseFilter();
        verbose = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i];
            if (name == "--force")
            {
                filter = filter with { Force = true };
                continue;
            }

            if (name == "--verbose")
            {
                verbose = true;
                continue;
            }

            if (name is not ("--agency" or "--year" or "--region" or "--since"))
            {
                return $"unknown argument '{name}'.";
            }

            if (i + 1 >= arguments.Count || string.IsNullOrWhiteSpace(arguments[i + 1]))
            {
                return $"{name} needs a value.";
            }

            var value = arguments[++i];
            switch (name)
            {
                case "--agency":
                    filter = filter with { Agency = value };
                    break;
                case "--region":
                    filter = filter with { Region = value };
                    break;
                case "--year":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2999)
                    {
                        return $"--year must be a four-digit year, not '{value}'.";
                    }

                    filter = filter with { Year = year };
                    break;
                default:
                    if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                    {
                        return $"--since must be a date (YYYY-MM-DD) or an ISO 8601 time, not '{value}'.";
                    }

                    filter = filter with { Since = since };
                    break;
            }
        }

        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<ParseHandling> report) : IProgress<ParseHandling>
    {
        private readonly Lock gate = new();

        public void Report(ParseHandling value)
        {
            lock (gate)
            {
                report(value);
            }
        }
    }
}
