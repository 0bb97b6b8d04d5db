namespace Ingest.Functions.Hosting.Standalone;

/// <summary>Runs <see cref="CrawlQueueConsumer"/> for the life of the standalone host; a storage outage only pauses it.</summary>
public sealed partial class CrawlQueueService(CrawlQueueConsumer consumer, TimeProvider time, ILogger<CrawlQueueService> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await consumer.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPaused(e, Pause);
                await Task.Delay(Pause, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The crawl queue consumer stopped; restarting in {Pause}")]
    private partial void LogPaused(Exception exception, TimeSpan pause);
}
