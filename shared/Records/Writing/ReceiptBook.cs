using Azure;
using Azure.Data.Tables;
using Ingest.Records.Storage;
using Ingest.Storage;

namespace Ingest.Records.Writing;

/// <summary>
/// Receipts per raw blob + ETag + parser version: what makes at-least-once delivery idempotent, where
/// failed attempts are counted (so the Functions host and the watcher poison after the same N), and
/// where watchers claim blobs with ETag-conditional writes.
/// </summary>
internal sealed class ReceiptBook(IngestStorage storage)
{
    private TableClient Table => storage.Table(storage.Layout.ParseReceiptsTable);

    public async Task<Receipt?> GetAsync(string version, string blobName, string etag, CancellationToken cancellationToken)
    {
        var entity = await TableQueries.PointReadAsync(Table, IndexKeys.ReceiptPartition(version), IndexKeys.BlobRow(blobName, etag), cancellationToken);
        return entity is null ? null : From(entity);
    }

    /// <summary>Every receipt of one parser version, keyed by RowKey (one partition query).</summary>
    public async Task<Dictionary<string, Receipt>> ListAsync(string version, CancellationToken cancellationToken)
    {
        var filter = TableQueries.Filter($"PartitionKey eq {IndexKeys.ReceiptPartition(version)}");
        var select = new[] { "PartitionKey", "RowKey", RecordFields.BlobName, RecordFields.ETag, RecordFields.ReceiptState, RecordFields.Attempts, RecordFields.ReportId, RecordFields.ClaimedBy, RecordFields.ClaimedUntil };
        var entities = await TableQueries.AllAsync(Table, filter, select, cancellationToken);
        return entities.ToDictionary(e => e.RowKey, From, StringComparer.Ordinal);
    }

    public async Task CompleteAsync(string version, string blobName, string etag, string state, string? reportId, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(IndexKeys.ReceiptPartition(version), IndexKeys.BlobRow(blobName, etag))
        {
            [RecordFields.BlobName] = blobName,
            [RecordFields.ETag] = etag,
            [RecordFields.ReceiptState] = state,
            [RecordFields.CompletedAt] = now,
            [RecordFields.ClaimedUntil] = now,
        };
        if (reportId is not null)
        {
            entity[RecordFields.ReportId] = reportId;
        }

        if (reason is not null)
        {
            entity[RecordFields.LastReason] = Truncate(reason);
        }

        await Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Counts one failed attempt; returns the count including this one.</summary>
    public async Task<int> CountFailureAsync(string version, string blobName, string etag, string reason, CancellationToken cancellationToken)
    {
        var pk = IndexKeys.ReceiptPartition(version);
        var rk = IndexKeys.BlobRow(blobName, etag);
        for (var round = 0; ; round++)
        {
            var current = await TableQueries.PointReadAsync(Table, pk, rk, cancellationToken);
            var attempts = (current?.GetInt32(RecordFields.Attempts) ?? 0) + 1;
            var entity = new TableEntity(pk, rk)
            {
                [RecordFields.BlobName] = blobName,
                [RecordFields.ETag] = etag,
                [RecordFields.Attempts] = attempts,
                [RecordFields.LastReason] = Truncate(reason),
            };
            try
            {
                if (current is null)
                {
                    entity[RecordFields.ReceiptState] = ReceiptState.Pending;
                    await Table.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await Table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Merge, cancellationToken);
                }

                return attempts;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && round < 20)
            {
                // A claim or another attempt changed the receipt in between: count on the fresh one.
            }
        }
    }

    /// <summary>Claims a pending blob for <paramref name="owner"/> until <paramref name="until"/>; false when it is done or someone else holds it.</summary>
    public async Task<bool> TryClaimAsync(string version, string blobName, string etag, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var pk = IndexKeys.ReceiptPartition(version);
        var rk = IndexKeys.BlobRow(blobName, etag);
        var current = await TableQueries.PointReadAsync(Table, pk, rk, cancellationToken);
        var claim = new TableEntity(pk, rk)
        {
            [RecordFields.BlobName] = blobName,
            [RecordFields.ETag] = etag,
            [RecordFields.ClaimedBy] = owner,
            [RecordFields.ClaimedUntil] = until,
        };
        try
        {
            if (current is null)
            {
                claim[RecordFields.ReceiptState] = ReceiptState.Pending;
                claim[RecordFields.Attempts] = 0;
                await Table.AddEntityAsync(claim, cancellationToken);
                return true;
            }

            var receipt = From(current);
            if (receipt.IsTerminal || (receipt.ClaimedBy != owner && receipt.ClaimedUntil > now))
            {
                return false;
            }

            await Table.UpdateEntityAsync(claim, current.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Ends this owner's claim early so the next pass (of any watcher) can retry the blob.</summary>
    public async Task ReleaseAsync(string version, string blobName, string etag, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pk = IndexKeys.ReceiptPartition(version);
        var rk = IndexKeys.BlobRow(blobName, etag);
        var current = await TableQueries.PointReadAsync(Table, pk, rk, cancellationToken);
        if (current is null || current.GetString(RecordFields.ClaimedBy) != owner)
        {
            return;
        }

        try
        {
            await Table.UpdateEntityAsync(new TableEntity(pk, rk) { [RecordFields.ClaimedUntil] = now }, current.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Changed meanwhile (completed or re-claimed): nothing to release.
        }
    }

    private static Receipt From(TableEntity e) => new(
        e.GetString(RecordFields.BlobName) ?? "",
        e.GetString(RecordFields.ETag) ?? "",
        e.GetString(RecordFields.ReceiptState) ?? ReceiptState.Pending,
        e.GetInt32(RecordFields.Attempts) ?? 0,
        e.GetString(RecordFields.ReportId),
        e.GetString(RecordFields.ClaimedBy),
        e.GetDateTimeOffset(RecordFields.ClaimedUntil),
        e.ETag);

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];
}
