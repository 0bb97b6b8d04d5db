using Azure.Storage.Queues.Models;
using Ingest.Crawling;
using Ingest.Functions.CrawlSource;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Hosting.Standalone;

/// <summary>
/// The standalone twin of the CrawlSource queue trigger: receives crawl requests, runs the same function
/// body, deletes a message once it is done, lets a failed one reappear after <see cref="IngestHostOptions.RetryDelaySeconds"/>,
/// and after <see cref="IngestHostOptions.MaxDequeueCount"/> tries moves it to crawl-requests-poison as the
/// Functions host does. A message that is not a crawl request cannot get better and is poisoned at once.
/// </summary>
public sealed partial class CrawlQueueConsumer(IngestStorage storage, CrawlSourceFunction function, IOptions<IngestHostOptions> options, TimeProvider time, ILogger<CrawlQueueConsumer> logger)
{
    /// <summary>Receives one batch (up to <see cref="IngestHostOptions.CrawlConcurrency"/> hosts) and handles it.</summary>
    public async Task<CrawlQueueBatch> ConsumeOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var messages = (await storage.CrawlQueue.ReceiveMessagesAsync(
            settings.CrawlConcurrency, TimeSpan.FromSeconds(settings.VisibilityTimeoutSeconds), cancellationToken)).Value;
        var outcomes = await Task.WhenAll(messages.Select(message => HandleAsync(message, settings, cancellationToken)));
        return CrawlQueueBatch.From(outcomes);
    }

    /// <summary>Consumes until the queue is empty, waiting out retry delays; the demo and tests use it.</summary>
    public async Task<CrawlQueueBatch> DrainAsync(CancellationToken cancellationToken)
    {
        await storage.CrawlQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var total = CrawlQueueBatch.Empty;
        while (true)
        {
            var batch = await ConsumeOnceAsync(cancellationToken);
            total += batch;
            if (batch.Received > 0)
            {
                continue;
            }

            var properties = (await storage.CrawlQueue.GetPropertiesAsync(cancellationToken)).Value;
            if (properties.ApproximateMessagesCount == 0)
            {
                return total;
            }

            // Only messages waiting out a retry delay are left.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(1, options.Value.QueuePollSeconds)), time, cancellationToken);
        }
    }

    /// <summary>Consumes until cancelled, polling an empty queue every <see cref="IngestHostOptions.QueuePollSeconds"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await storage.CrawlQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.CrawlPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ConsumeOnceAsync(cancellationToken);
            if (batch.Received == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.QueuePollSeconds), time, cancellationToken);
            }
        }
    }

    private async Task<CrawlMessageOutcome> HandleAsync(QueueMessage message, IngestHostOptions settings, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            // Received more often than allowed without finishing (e.g. the process died mid-crawl each time).
            await PoisonAsync(message, $"received {message.DequeueCount} times", cancellationToken);
            return CrawlMessageOutcome.Poisoned;
        }

        var decoded = CrawlRequestMessage.Decode(message.MessageText);
        if (!decoded.Succeeded)
        {
            await PoisonAsync(message, decoded.Error, cancellationToken);
            return CrawlMessageOutcome.Poisoned;
        }

        CrawlSummary summary;
        try
        {
            summary = await function.CrawlAsync(decoded.Value, (int)message.DequeueCount, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCrawlFailed(e, decoded.Value.Host, message.DequeueCount, settings.MaxDequeueCount);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await PoisonAsync(message, e.Message, cancellationToken);
                return CrawlMessageOutcome.Poisoned;
            }

            await storage.CrawlQueue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(settings.RetryDelaySeconds), cancellationToken: cancellationToken);
            return CrawlMessageOutcome.WillRetry;
        }

        await storage.CrawlQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        return CrawlMessageOutcome.Crawled(summary);
    }

    private async Task PoisonAsync(QueueMessage message, string reason, CancellationToken cancellationToken)
    {
        await storage.CrawlPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.CrawlPoisonQueue.SendMessageAsync(message.MessageText, cancellationToken);
        await storage.CrawlQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        LogPoisoned(message.MessageId, storage.CrawlPoisonQueue.Name, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crawling {Host} failed on try {Attempt} of {MaxAttempts}")]
    private partial void LogCrawlFailed(Exception exception, string host, long attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Crawl request {MessageId} moved to {PoisonQueue}: {Reason}")]
    private partial void LogPoisoned(string messageId, string poisonQueue, string reason);
}
