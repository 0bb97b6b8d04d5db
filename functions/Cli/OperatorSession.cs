using Azure;
using Ingest.Functions.Hosting;
using Ingest.Functions.Hosting.Telemetry;
using Ingest.Records;
using Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Cli;

/// <summary>
/// What the operator verbs (crawl, status, failures, export) share: the function app's services built
/// from the environment (<c>AzureWebJobsStorage</c>, <c>Ingest__…</c>), telemetry started when configured,
/// and a storage probe that turns "nothing answers" into one clear line and exit code 2. The verbs do not
/// start Azurite themselves: a morning check against a fresh, empty emulator would only mislead. With
/// <c>UseDevelopmentStorage=true</c> the message says to start it (<c>run</c> or <c>demo</c> do).
/// </summary>
internal sealed class OperatorSession : IAsyncDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);
    private readonly ServiceProvider provider;

    private OperatorSession(ServiceProvider provider, IConfiguration configuration)
    {
        this.provider = provider;
        Configuration = configuration;
    }

    public IServiceProvider Services => provider;
    public IConfiguration Configuration { get; }
    public IngestStorage Storage => provider.GetRequiredService<IngestStorage>();

    public static IConfiguration EnvironmentConfiguration() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <returns>The session, or null after printing why it could not open (exit with <see cref="ExitCodes.Usage"/>).</returns>
    public static async Task<OperatorSession?> OpenAsync(
        string verb, IConfiguration configuration, Action<IServiceCollection>? configureServices, CliConsole console, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")));
        ServiceProvider provider;
        try
        {
            services.AddSingleton(configuration);
            services.AddFunctionApp(configuration);
            configureServices?.Invoke(services);
            provider = services.BuildServiceProvider();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"{verb}: {e.Message}");
            return null;
        }

        var session = new OperatorSession(provider, configuration);
        try
        {
            provider.StartTelemetry();
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            probe.CancelAfter(ProbeTimeout);
            var storage = session.Storage;
            await storage.EnsureCreatedAsync(probe.Token);
            await storage.EnsureRecordsTablesAsync(probe.Token);
            await storage.Tables.CreateTableIfNotExistsAsync(storage.Layout.CrawlRunsTable, probe.Token);
            return session;
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException or FormatException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"{verb}: {FirstLine(e.Message)}");
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException ||
                                  (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var hint = StorageConnection.IsDevelopmentStorage(configuration)
                ? "Nothing answers on the emulator's ports: start Azurite (the run and demo verbs start one) and try again."
                : "Check AzureWebJobsStorage (or its __blobServiceUri/__queueServiceUri/__tableServiceUri settings) and the network.";
            await console.Error.WriteLineAsync($"{verb}: storage is not reachable ({FirstLine(e.Message)}). {hint}");
        }

        await session.DisposeAsync();
        return null;
    }

    public static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
