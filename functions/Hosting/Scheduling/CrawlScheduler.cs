using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Ingest.Crawling;
using Ingest.Functions.CrawlSource;
using Ingest.Functions.Hosting.Core;
using Ingest.Storage;

namespace Ingest.Functions.Hosting.Scheduling;

/// <summary>
/// Turns one schedule fire into crawl-requests messages, once per night however often it fires and
/// however many instances fire it: a blob lease makes the enqueueing single-instance, and a marker blob
/// per night (written after the last message) makes later fires for the same night do nothing. The timer
/// function and the standalone schedule both come through here.
/// </summary>
public sealed partial class CrawlScheduler(IngestStorage storage, ICrawlEngine engine, SeedCatalog seeds, TimeProvider time, ILogger<CrawlScheduler> logger)
{
    /// <summary>Long enough for a slow enqueue between renewals, short enough that a crashed holder frees it soon.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private const string LockBlobName = "schedule/lock";

    private const string MarkerPrefix = "schedule/nights/";

    /// <summary>The night's marker; the names sort by date, so a listing starts with the earliest night.</summary>
    public static string MarkerBlobName(DateOnly night) => MarkerPrefix + night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The UTC night a fire at <paramref name="at"/> belongs to.</summary>
    public static DateOnly NightOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>
    /// Enqueues the night's requests unless already done. <paramref name="force"/> ignores the marker (a
    /// run a person asked for, like the demo's); the lease still applies.
    /// </summary>
    public async Task<ScheduleOutcome> ScheduleNightAsync(DateOnly night, bool force, CancellationToken cancellationToken)
    {
        var container = storage.LeaseContainer;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.CrawlQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var lockBlob = container.GetBlobClient(LockBlobName);
        await CreateIfMissingAsync(lockBlob, cancellationToken);
        var lease = lockBlob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            LogBusy(night);
            return new ScheduleOutcome(ScheduleOutcomeKind.Busy, night);
        }

        try
        {
            var marker = container.GetBlobClient(MarkerBlobName(night));
            if (!force && await marker.ExistsAsync(cancellationToken))
            {
                LogAlreadyScheduled(night);
                return new ScheduleOutcome(ScheduleOutcomeKind.AlreadyScheduled, night);
            }

            var requests = engine.Plan(seeds.Current(), night);
            var renewedAt = time.GetTimestamp();
            foreach (var request in requests)
            {
                if (time.GetElapsedTime(renewedAt) > LeaseDuration / 3)
                {
                    await lease.RenewAsync(cancellationToken: cancellationToken);
                    renewedAt = time.GetTimestamp();
                }

                await storage.CrawlQueue.SendMessageAsync(CrawlRequestMessage.Encode(request), cancellationToken);
            }

            var record = new { night, hosts = requests.Count, sources = requests.Sum(r => r.SourceIds.Count), scheduledAt = time.GetUtcNow(), forced = force };
            await marker.UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(record)), overwrite: true, cancellationToken);
            LogEnqueued(night, requests.Count);
            return new ScheduleOutcome(ScheduleOutcomeKind.Enqueued, night, requests.Count);
        }
        finally
        {
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException e)
            {
                // The lease ran out and someone else took it; theirs to release.
                LogReleaseFailed(e.Status);
            }
        }
    }

    /// <summary>Whether the night's requests have been enqueued (its marker exists).</summary>
    public async Task<bool> IsScheduledAsync(DateOnly night, CancellationToken cancellationToken) =>
        await storage.LeaseContainer.GetBlobClient(MarkerBlobName(night)).ExistsAsync(cancellationToken);

    /// <summary>
    /// Whether some night before <paramref name="night"/> was scheduled on this storage: the sign that the
    /// schedule has run here before, as the Functions timer's monitor record is.
    /// </summary>
    public async Task<bool> ScheduledBeforeAsync(DateOnly night, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var earliest in storage.LeaseContainer.GetBlobsAsync(new GetBlobsOptions { Prefix = MarkerPrefix }, cancellationToken))
            {
                return string.CompareOrdinal(earliest.Name, MarkerBlobName(night)) < 0;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No lease container yet: nothing was ever scheduled here.
        }

        return false;
    }

    private static async Task CreateIfMissingAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Exists already (possibly leased by another instance right now).
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Night {Night}: enqueued {Hosts} crawl request(s), one per host")]
    private partial void LogEnqueued(DateOnly night, int hosts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Night {Night} is already scheduled; this fire enqueues nothing")]
    private partial void LogAlreadyScheduled(DateOnly night);

    [LoggerMessage(Level = LogLevel.Information, Message = "Night {Night}: another instance holds the schedule lease")]
    private partial void LogBusy(DateOnly night);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the schedule lease failed with status {Status}")]
    private partial void LogReleaseFailed(int status);
}
