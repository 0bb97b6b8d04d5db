using System.Globalization;
using Ingest.Functions.Hosting;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Functions.Hosting.Standalone;
using Ingest.Storage;

namespace Ingest.Functions.Cli;

/// <summary>The standalone host: the function app on one machine, without a Functions host.</summary>
public sealed class RunVerb : CliVerb
{
    public override string Name => "run";

    public override string Summary => "Run the app standalone: nightly schedule, crawl queue, blob watcher and /api.";

    public override string Usage => """
        Usage: dotnet run --project functions -- run [--port N]

        Runs what the Functions host would: the CRAWL_SCHEDULE timer (with a blob lease and a per-night
        marker, so several instances crawl a night once), the crawl-requests consumer (poison after
        Ingest__Host__MaxDequeueCount tries to crawl-requests-poison), the raw-blob watcher that parses
        new captures, and the API under http://127.0.0.1:<port>/api. Settings have the Functions app
        settings' names (AzureWebJobsStorage, CRAWL_SCHEDULE, Ingest__...; see the README) and are checked
        before anything starts. With UseDevelopmentStorage=true, Azurite is started when nothing answers
        on 127.0.0.1:10000-10002.

        Options:
          --port N   port of the API (default Ingest__Host__Port, 7071)
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var configuration = new Dictionary<string, string?>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--port" && i + 1 < arguments.Count && int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
            {
                configuration[IngestHostOptions.Section + ":" + nameof(IngestHostOptions.Port)] = port.ToString(CultureInfo.InvariantCulture);
                i++;
                continue;
            }

            await console.Error.WriteLineAsync($"run: unexpected argument '{arguments[i]}'. Usage: run [--port N]");
            return ExitCodes.Usage;
        }

        await using var app = StandaloneApp.Create(new AppSettings { Configuration = configuration }, background: true);
        if (StartupCheck.Problems(app, seedsFileRequired: true) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync(problem);
            }

            return ExitCodes.Usage;
        }

        await using var azurite = await DevelopmentStorage.EnsureAsync(app.Configuration, line => console.Error.WriteLine("run: " + line), cancellationToken);
        await app.Services.GetRequiredService<IngestStorage>().EnsureCreatedAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        await console.Error.WriteLineAsync($"run: serving {new Uri(StandaloneApp.Address(app), "/api")}; Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
