using Azure.Data.Tables;
using Ingest.Archive;
using Ingest.Records.Storage;
using Ingest.Storage;

namespace Ingest.Records.Writing;

/// <summary>The failures table: one entity per quarantined blob + ETag under its kind. The blob itself stays.</summary>
internal sealed class Quarantine(IngestStorage storage, RecordText text)
{
    private TableClient Table => storage.Table(storage.Layout.ParseFailuresTable);

    public async Task RecordAsync(
        string kind, string blobName, string etag, string reason, string parserVersion, int attempts, CaptureMetadata? capture, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(kind, IndexKeys.BlobRow(blobName, etag))
        {
            [RecordFields.Kind] = kind,
            [RecordFields.BlobName] = blobName,
            [RecordFields.ETag] = etag,
            [RecordFields.ParserVersion] = parserVersion,
            [RecordFields.Attempts] = attempts,
            [RecordFields.FailedAt] = now,
        };
        if (capture is not null)
        {
            entity[RecordFields.SourceUrl] = capture.SourceUrl;
            entity[RecordFields.FetchedAt] = capture.FetchedAt;
        }

        await text.SetAsync(entity, RecordFields.Reason, reason, cancellationToken);
        EntityLimits.Enforce(entity);
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        await ClearAsync(blobName, etag, except: kind, cancellationToken);
    }

    /// <summary>Removes this blob's entries (a newer outcome replaces the parser's earlier view of it).</summary>
    public async Task ClearAsync(string blobName, string etag, string? except, CancellationToken cancellationToken)
    {
        var row = IndexKeys.BlobRow(blobName, etag);
        await Task.WhenAll(FailureKind.All.Where(k => k != except).Select(k => TableWrites.DeleteAsync(Table, k, row, cancellationToken)));
    }
}
