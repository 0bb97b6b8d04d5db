using Azure;
using Azure.Storage.Blobs.Specialized;
using Ingest.Storage;

namespace Ingest.Records.Writing;

/// <summary>
/// A blob lease per report id, held while one capture's entities are written, so two captures of the
/// same report (two watchers, two Function instances) never interleave. Leases last 60 s, far longer
/// than a report's writes; an abandoned lease (crashed writer) expires by itself.
/// </summary>
internal sealed class ReportLock(IngestStorage storage, TimeProvider time)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    public async Task<IAsyncDisposable> AcquireAsync(string reportId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var blob = storage.LeaseContainer.GetBlobClient($"records/{reportId}");
        var lease = blob.GetBlobLeaseClient();
        var deadline = time.GetUtcNow() + wait;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return new Held(lease);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                await storage.LeaseContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                try
                {
                    await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
                }
                catch (RequestFailedException exists) when (exists.Status is 409 or 412)
                {
                    // Another writer created it first.
                }
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                if (time.GetUtcNow() >= deadline)
                {
                    throw new TimeoutException($"Report {reportId} stayed locked by another writer for {wait}.", e);
                }

                await Task.Delay(pause, time, cancellationToken);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1000));
            }
        }
    }

    private sealed class Held(BlobLeaseClient lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Expired or storage gone: the lease ends by itself within its duration.
            }
        }
    }
}
