using Azure;
using Azure.Storage.Blobs.Models;
using Ingest.Storage;
using Ingest.Telemetry;

namespace Ingest.Archive;

/// <summary>
/// Writes raw captures to the raw container: bytes exactly as served (streamed, never buffered whole),
/// provenance as blob metadata. Writes are create-only (If-None-Match: *): an existing capture is never
/// overwritten, so the blob trigger never fires twice for the same bytes.
/// </summary>
public sealed class CaptureArchive
{
    private readonly IngestStorage storage;
    private readonly Lazy<Task> created;

    public CaptureArchive(IngestStorage storage)
    {
        this.storage = storage;
        created = new Lazy<Task>(() => storage.RawContainer.CreateIfNotExistsAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Stores <paramref name="body"/> as <paramref name="blobName"/>; false when that capture already exists.</summary>
    public async Task<bool> WriteAsync(string blobName, Stream body, CaptureMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await created.Value;
        var blob = storage.RawContainer.GetBlobClient(blobName);
        try
        {
            await blob.UploadAsync(body, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = metadata.ToBlobMetadata(),
                HttpHeaders = new BlobHttpHeaders { ContentType = metadata.ContentType },
            }, cancellationToken);
            var host = Uri.TryCreate(metadata.SourceUrl, UriKind.Absolute, out var source) ? source.Authority : "";
            IngestTelemetry.BlobsWritten.Add(1, new KeyValuePair<string, object?>(IngestTelemetry.Tags.Host, host));
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409 || e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            return false;
        }
    }
}
