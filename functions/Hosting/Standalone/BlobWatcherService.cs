using Ingest.Functions.Hosting.Configuration;
using Ingest.Records;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Hosting.Standalone;

/// <summary>
/// Runs the core's <see cref="RawBlobWatcher"/> (the blob trigger's standalone twin) for the life of the
/// host, every <see cref="IngestHostOptions.BlobPollSeconds"/>; a failure pauses it instead of ending it.
/// </summary>
public sealed partial class BlobWatcherService(IServiceProvider services, IOptions<IngestHostOptions> options, TimeProvider time, ILogger<BlobWatcherService> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var watcher = services.GetRequiredService<RawBlobWatcher>();
                await watcher.RunAsync(TimeSpan.FromSeconds(options.Value.BlobPollSeconds), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPaused(e, Pause);
                await Task.Delay(Pause, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The raw blob watcher stopped; restarting in {Pause}")]
    private partial void LogPaused(Exception exception, TimeSpan pause);
}
