using Ingest.Records.Storage;
using Ingest.Records.Writing;
using Ingest.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ingest.Records;

/// <summary>
/// The standalone twin of the blob trigger: finds raw blobs without a receipt for the current parser
/// version and hands them to <see cref="ParseReportHandler"/> (at-least-once, poison after N tries).
/// Each blob is claimed first with an ETag-conditional write on its receipt, so watchers sharing one
/// storage account never handle a blob twice at once; a claim expires, so a watcher that dies mid-way
/// leaves nothing stuck, and receipts are written only after the work, so nothing is lost either.
/// </summary>
public sealed class RawBlobWatcher
{
    private readonly IngestStorage storage;
    private readonly ParseReportHandler handler;
    private readonly RecordsOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ReceiptBook receipts;

    public RawBlobWatcher(IngestStorage storage, ParseReportHandler handler, IOptions<RecordsOptions> options, TimeProvider time, ILogger<RawBlobWatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.storage = storage;
        this.handler = handler;
        this.options = options.Value;
        this.time = time;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        receipts = new ReceiptBook(storage);
    }

    /// <summary>Identifies this watcher's claims (one per instance, so a restarted process waits for its old claims to expire).</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Handles every pending blob, retrying failures in further passes until each is done or poisoned
    /// (at most MaxAttempts passes). Returns how many blobs this watcher brought to a final outcome.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureRecordsTablesAsync(cancellationToken);
        var handled = 0;
        for (var pass = 1; pass <= options.MaxAttempts; pass++)
        {
            var pending = await FindPendingAsync(cancellationToken);
            if (pending.Count == 0)
            {
                break;
            }

            var failed = 0;
            await Parallel.ForEachAsync(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = options.WatcherConcurrency, CancellationToken = cancellationToken },
                async (blob, token) =>
                {
                    var outcome = await HandleOneAsync(blob, token);
                    if (outcome == ParseOutcomeKind.Failed)
                    {
                        Interlocked.Increment(ref failed);
                    }
                    else if (outcome is not null)
                    {
                        Interlocked.Increment(ref handled);
                    }
                });

            if (failed == 0)
            {
                break;
            }

            await Task.Delay(options.RetryDelay, time, cancellationToken);
        }

        return handled;
    }

    /// <summary>Drains repeatedly until cancelled; a failed drain (storage down) is logged and tried again next time.</summary>
    public async Task RunAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var handled = await DrainAsync(cancellationToken);
                if (handled > 0)
                {
                    logger.LogInformation("Parsed {Count} raw blobs.", handled);
                }

                await Task.Delay(pollInterval, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Watching the raw container failed; trying again in {Interval}.", pollInterval);
                try
                {
                    await Task.Delay(pollInterval, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<ParseOutcomeKind?> HandleOneAsync(PendingBlob blob, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await receipts.TryClaimAsync(handler.ParserVersion, blob.Name, blob.ETag, Owner, now, now + options.ClaimDuration, cancellationToken))
        {
            return null;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["BlobName"] = blob.Name });
        var result = await handler.HandleAsync(blob.Name, null, cancellationToken);
        if (result.Outcome == ParseOutcomeKind.Failed)
        {
            logger.LogWarning("Parsing {Blob} failed: {Reason}", blob.Name, result.Reason);
            try
            {
                await receipts.ReleaseAsync(handler.ParserVersion, blob.Name, blob.ETag, Owner, time.GetUtcNow(), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The claim expires by itself.
                logger.LogDebug(e, "Releasing the claim on {Blob} failed.", blob.Name);
            }
        }

        return result.Outcome;
    }

    /// <summary>Raw blobs with no terminal receipt for this parser version and no live claim by another watcher.</summary>
    private async Task<List<PendingBlob>> FindPendingAsync(CancellationToken cancellationToken)
    {
        var known = await receipts.ListAsync(handler.ParserVersion, cancellationToken);
        var now = time.GetUtcNow();
        var pending = new List<PendingBlob>();
        await foreach (var item in storage.RawContainer.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = KeyEncoding.ETagText(item.Properties.ETag);
            if (known.TryGetValue(IndexKeys.BlobRow(item.Name, etag), out var receipt) &&
                (receipt.IsTerminal || (receipt.ClaimedBy != Owner && receipt.ClaimedUntil > now)))
            {
                continue;
            }

            pending.Add(new PendingBlob(item.Name, etag));
        }

        return pending;
    }

    private sealed record PendingBlob(string Name, string ETag);
}
