using Ingest.Storage;

namespace Ingest.Records;

public static class RecordsStorage
{
    /// <summary>Creates the records tables and the containers the records area writes to (idempotent).</summary>
    public static async Task EnsureRecordsTablesAsync(this IngestStorage storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var layout = storage.Layout;
        await Task.WhenAll(
            new[] { layout.ReportsTable, layout.ReportIndexTable, layout.FiguresTable, layout.ParseReceiptsTable, layout.ParseFailuresTable }
                .Select(name => storage.Tables.CreateTableIfNotExistsAsync(name, cancellationToken)));
        await storage.RawContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.LeaseContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
