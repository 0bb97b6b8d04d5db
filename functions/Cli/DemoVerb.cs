using System.Globalization;
using Ingest.Functions.Demo;

namespace Ingest.Functions.Cli;

/// <summary>The README's run command: the whole pipeline on the bundled sample site, offline.</summary>
public sealed class DemoVerb : CliVerb
{
    public override string Name => "demo";

    public override string Summary => "Run the whole pipeline on a bundled sample site, then serve the API (offline).";

    public override string Usage => """
        Usage: dotnet run --project functions -- demo [--port N] [--site-port N] [--once]

        Serves a bundled sample site of real report pages on loopback, then runs the pipeline through the
        production code: schedule -> crawl-requests queue -> crawl -> raw blobs -> parse -> tables.
        Progress goes to stderr. Without --once it then serves the API at http://127.0.0.1:7071/api until
        Ctrl+C. Storage is AzureWebJobsStorage, by default UseDevelopmentStorage=true: Azurite is started
        (data in .ingest/azurite) when nothing answers on 127.0.0.1:10000-10002. A second run crawls
        conditionally and writes no new blobs.

        Options:
          --port N       port of the API (default 7071)
          --site-port N  first of the sample site's four ports, one per agency (default 7081); keep it
                         the same between runs so the second run sees the same sites and revalidates
          --once         exit when the pipeline has drained; the last stdout line is a JSON summary:
                         pagesFetched, blobsWritten, reportsParsed, quarantined, parseFailures, ...
                         Exit code 1 when a page failed to parse or a crawl request was poisoned.
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var settings = new DemoSettings();
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--once":
                    settings = settings with { Once = true };
                    break;
                case "--port" when i + 1 < arguments.Count && int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535:
                    settings = settings with { Port = port };
                    i++;
                    break;
                case "--site-port" when i + 1 < arguments.Count && int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var sitePort) && sitePort is > 0 and <= 65532:
                    settings = settings with { SitePort = sitePort };
                    i++;
                    break;
                default:
                    await console.Error.WriteLineAsync($"demo: unexpected argument '{arguments[i]}'. Usage: demo [--port N] [--site-port N] [--once]");
                    return ExitCodes.Usage;
            }
        }

        return await DemoRun.RunAsync(settings, console, cancellationToken);
    }
}
