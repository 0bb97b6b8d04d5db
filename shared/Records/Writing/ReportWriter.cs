using Azure;
using Azure.Data.Tables;
using Ingest.Records.Storage;
using Ingest.Storage;

namespace Ingest.Records.Writing;

/// <summary>
/// Writes one report's entities and removes what a previous version of it left behind. The caller holds
/// the report's lock. Order matters for crash safety (docs/table-model.md, "Writing one report"):
/// derived entities first, then the report's partition with its <c>record</c> entity last, because the
/// partition is what the next attempt reads to work out which derived entities are stale.
/// </summary>
internal sealed class ReportWriter(IngestStorage storage, RecordText text, int concurrency)
{
    private TableClient Reports => storage.Table(storage.Layout.ReportsTable);
    private TableClient Index => storage.Table(storage.Layout.ReportIndexTable);
    private TableClient Figures => storage.Table(storage.Layout.FiguresTable);

    public async Task<WriteResult> WriteAsync(ReportDraft draft, CancellationToken cancellationToken)
    {
        var existing = await ReadPartitionAsync(draft.ReportId, cancellationToken);
        var oldHeader = existing.FirstOrDefault(e => e.RowKey == RecordFields.RecordRow);
        if (oldHeader is not null && IsNewerThan(oldHeader, draft))
        {
            return WriteResult.Superseded;
        }

        var entities = await ReportEntities.BuildAsync(draft, text, cancellationToken);
        var newDerived = entities.Derived.Select(d => d.Key).ToHashSet();
        var staleDerived = oldHeader is null
            ? []
            : ReportEntities.DerivedKeysOf(oldHeader, CellKeys(existing)).Where(k => !newDerived.Contains(k)).ToList();

        await WriteDerivedAsync(entities.Derived, staleDerived, cancellationToken);

        var newRows = entities.Rows.Select(r => r.RowKey).Append(RecordFields.RecordRow).ToHashSet(StringComparer.Ordinal);
        var actions = existing
            .Where(e => !newRows.Contains(e.RowKey))
            .Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.PartitionKey, e.RowKey), ETag.All))
            .Concat(entities.Rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)))
            .Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entities.Header))
            .ToList();
        var batches = TransactionPlanner.Plan(actions);
        await Parallel.ForEachAsync(
            batches.Take(batches.Count - 1),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (batch, token) => await TableWrites.SubmitAsync(Reports, batch, token));
        await TableWrites.SubmitAsync(Reports, batches[^1], cancellationToken);

        await new AgencySummary(storage).RefreshAsync(draft.Record.Agency!, cancellationToken);
        return WriteResult.Written;
    }

    /// <summary>Removes a report entirely (its capture now parses as something else). Returns the blob it was written from, if any.</summary>
    public async Task<string?> RemoveAsync(string reportId, CancellationToken cancellationToken)
    {
        var existing = await ReadPartitionAsync(reportId, cancellationToken);
        var header = existing.FirstOrDefault(e => e.RowKey == RecordFields.RecordRow);
        if (header is null)
        {
            return null;
        }

        await WriteDerivedAsync([], [.. ReportEntities.DerivedKeysOf(header, CellKeys(existing))], cancellationToken);
        var deletes = existing
            .OrderBy(e => e.RowKey == RecordFields.RecordRow)
            .Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.PartitionKey, e.RowKey), ETag.All))
            .ToList();
        foreach (var batch in TransactionPlanner.Plan(deletes))
        {
            await TableWrites.SubmitAsync(Reports, batch, cancellationToken);
        }

        if (header.GetString(RecordFields.Agency) is { } agency)
        {
            await new AgencySummary(storage).RefreshAsync(agency, cancellationToken);
        }

        return header.GetString(RecordFields.BlobName);
    }

    /// <summary>The blob that wrote the stored report, or null when there is none.</summary>
    public async Task<string?> WrittenFromAsync(string reportId, CancellationToken cancellationToken)
    {
        var header = await TableQueries.PointReadAsync(Reports, reportId, RecordFields.RecordRow, cancellationToken);
        return header?.GetString(RecordFields.BlobName);
    }

    private async Task WriteDerivedAsync(List<DerivedEntity> upserts, List<DerivedKey> deletes, CancellationToken cancellationToken)
    {
        var index = upserts.Where(d => d.Table == DerivedTable.Index).Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, d.Entity))
            .Concat(deletes.Where(d => d.Table == DerivedTable.Index).Select(Delete));
        var figures = upserts.Where(d => d.Table == DerivedTable.Figures).Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, d.Entity))
            .Concat(deletes.Where(d => d.Table == DerivedTable.Figures).Select(Delete));
        var work = TransactionPlanner.Plan(index).Select(b => (Index, b))
            .Concat(TransactionPlanner.Plan(figures).Select(b => (Figures, b)));
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (item, token) => await TableWrites.SubmitAsync(item.Item1, item.b, token));

        static TableTransactionAction Delete(DerivedKey key) =>
            new(TableTransactionActionType.Delete, new TableEntity(key.PartitionKey, key.RowKey), ETag.All);
    }

    private async Task<List<TableEntity>> ReadPartitionAsync(string reportId, CancellationToken cancellationToken) =>
        await TableQueries.AllAsync(Reports, TableQueries.Filter($"PartitionKey eq {reportId}"), null, cancellationToken);

    private static IEnumerable<string> CellKeys(IEnumerable<TableEntity> partition) =>
        partition.Where(e => e.RowKey.StartsWith(RecordFields.CellPrefix + KeyEncoding.Separator, StringComparison.Ordinal))
            .Select(e => e.GetString(RecordFields.Key))
            .OfType<string>();

    /// <summary>True when the stored record comes from a newer capture than <paramref name="draft"/>; the same blob is never newer than itself.</summary>
    private static bool IsNewerThan(TableEntity stored, ReportDraft draft)
    {
        var storedBlob = stored.GetString(RecordFields.BlobName) ?? "";
        if (storedBlob == draft.BlobName)
        {
            return false;
        }

        var storedAt = stored.GetDateTimeOffset(RecordFields.FetchedAt) ?? DateTimeOffset.MinValue;
        var comparison = storedAt.CompareTo(draft.Capture.FetchedAt);
        return comparison > 0 || (comparison == 0 && string.CompareOrdinal(storedBlob, draft.BlobName) > 0);
    }
}
