using Ingest.Functions.Hosting;
using Ingest.Functions.Hosting.Handler;

namespace Ingest.Functions.Cli;

/// <summary>The Azure Functions custom handler (host.json's <c>customHandler.description.arguments</c>).</summary>
public sealed class HandlerVerb : CliVerb
{
    public override string Name => "handler";

    public override string Summary => "Serve the Functions host as its custom handler (started by the host, not by hand).";

    public override string Usage => """
        Usage: Ingest.Functions handler

        Started by the Azure Functions host (host.json customHandler.description.arguments). Listens at once
        on 127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT and serves POST /ScheduleCrawl, /CrawlSource and
        /ParseReport (the host's invocations) and /api/... (the Lookup function, proxied).

        Environment:
          FUNCTIONS_CUSTOMHANDLER_PORT   the port the host assigned (required)
          AzureWebJobsStorage            storage connection (or its __blobServiceUri/... identity settings)
          CRAWL_SCHEDULE, Ingest__...    the app settings listed in the README
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        if (arguments.Count > 0)
        {
            await console.Error.WriteLineAsync($"handler takes no arguments (got '{arguments[0]}').");
            return ExitCodes.Usage;
        }

        if (HandlerApp.AssignedPort(Environment.GetEnvironmentVariable) is not { } port)
        {
            await console.Error.WriteLineAsync(
                $"{HandlerApp.PortVariable} is not set to a port. The handler verb is started by the Azure Functions host; " +
                "to run the app on one machine use the 'run' verb.");
            return ExitCodes.Usage;
        }

        await using var app = HandlerApp.Create(port, new AppSettings());
        await app.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
