using System.Globalization;
using Azure.Data.Tables;
using Ingest.Parsing;
using Ingest.Records.Storage;
using Ingest.Storage;

namespace Ingest.Records.Writing;

/// <summary>
/// The entities one report becomes (docs/table-model.md): its partition in Reports (cells, checks,
/// warnings, and the record entity) and the derived index and figure entities in other partitions.
/// </summary>
internal sealed class ReportEntities
{
    private ReportEntities(TableEntity header, List<TableEntity> rows, List<DerivedEntity> derived)
    {
        Header = header;
        Rows = rows;
        Derived = derived;
    }

    /// <summary>The <c>record</c> entity; written last.</summary>
    public TableEntity Header { get; }

    /// <summary>Cells, checks and warnings of the report's partition.</summary>
    public List<TableEntity> Rows { get; }

    /// <summary>Index and figure entities (many partitions).</summary>
    public List<DerivedEntity> Derived { get; }

    public static async Task<ReportEntities> BuildAsync(ReportDraft draft, RecordText text, CancellationToken cancellationToken)
    {
        var record = draft.Record;
        var id = draft.ReportId;
        var year = record.Year ?? throw new ArgumentException("A report to write has a year.", nameof(draft));
        var agency = (record.Agency ?? throw new ArgumentException("A report to write has an agency.", nameof(draft))).Trim();
        var era = record.Era.Key();
        var checksStatus = ChecksStatus.Of(record.ChecksOk);

        var cells = Cells(record);
        var rows = new List<TableEntity>(cells.Count + record.Checks.Count + record.Warnings.Count);
        foreach (var cell in cells)
        {
            var entity = new TableEntity(id, IndexKeys.CellRow(cell.Key))
            {
                [RecordFields.Key] = cell.Key,
                [RecordFields.State] = cell.State,
            };
            AddNumber(entity, cell.Value);
            if (cell.Unit is not null)
            {
                entity[RecordFields.Unit] = cell.Unit;
            }

            rows.Add(entity);
        }

        for (var i = 0; i < record.Checks.Count; i++)
        {
            var check = record.Checks[i];
            rows.Add(new TableEntity(id, IndexKeys.CheckRow(i))
            {
                [RecordFields.Rule] = check.Rule,
                [RecordFields.CheckScope] = check.Scope,
                [RecordFields.Ok] = check.Ok,
                [RecordFields.Expected] = Exact(check.Expected),
                [RecordFields.Actual] = Exact(check.Actual),
            });
        }

        for (var i = 0; i < record.Warnings.Count; i++)
        {
            var warning = new TableEntity(id, IndexKeys.WarningRow(i));
            await text.SetAsync(warning, RecordFields.Text, record.Warnings[i], cancellationToken);
            rows.Add(warning);
        }

        var capture = draft.Capture;
        var header = new TableEntity(id, RecordFields.RecordRow)
        {
            [RecordFields.ReportId] = id,
            [RecordFields.Agency] = agency,
            [RecordFields.AgencyKey] = draft.AgencyKey,
            [RecordFields.AgencyAsWritten] = record.AgencyAsWritten,
            [RecordFields.AgencySource] = record.AgencySource,
            [RecordFields.Year] = year,
            [RecordFields.YearSource] = record.YearSource,
            [RecordFields.Region] = draft.Region,
            [RecordFields.PublishedAt] = record.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [RecordFields.IndexNo] = record.IndexNo,
            [RecordFields.Era] = era,
            [RecordFields.Scope] = record.Scope,
            [RecordFields.MirrorSuspect] = record.MirrorSuspect,
            [RecordFields.Charset] = record.Charset,
            [RecordFields.ChecksStatus] = checksStatus,
            [RecordFields.CheckCount] = record.Checks.Count,
            [RecordFields.FailedCheckCount] = record.Checks.Count(c => !c.Ok),
            [RecordFields.FigureCount] = record.Figures.Count,
            [RecordFields.BlankCount] = record.Blank.Count,
            [RecordFields.NotApplicableCount] = record.NotApplicable.Count,
            [RecordFields.WarningCount] = record.Warnings.Count,
            [RecordFields.ParserVersion] = record.ParserVersion,
            [RecordFields.BlobName] = draft.BlobName,
            [RecordFields.BlobETag] = draft.BlobETag,
            [RecordFields.SourceUrl] = capture.SourceUrl,
            [RecordFields.FinalUrl] = capture.FinalUrl,
            [RecordFields.FetchedAt] = capture.FetchedAt,
            [RecordFields.HttpStatus] = capture.HttpStatus,
            [RecordFields.Sha256] = capture.Sha256,
            [RecordFields.ContentType] = capture.ContentType,
            [RecordFields.CrawlerVersion] = capture.CrawlerVersion,
            [RecordFields.SourceId] = capture.SourceId,
            [RecordFields.WrittenAt] = draft.WrittenAt,
        };
        RemoveNulls(header);
        await text.SetAsync(header, RecordFields.Title, record.Title, cancellationToken);

        var summaryTitle = record.Title is { Length: > 2000 } longTitle ? longTitle[..2000] : record.Title;
        var derived = new List<DerivedEntity>();
        foreach (var (pk, rk) in IndexSlots(year, draft.Region, agency, era, checksStatus, id))
        {
            var entity = new TableEntity(pk, rk)
            {
                [RecordFields.ReportId] = id,
                [RecordFields.Agency] = agency,
                [RecordFields.Year] = year,
                [RecordFields.Region] = draft.Region,
                [RecordFields.Era] = era,
                [RecordFields.ChecksStatus] = checksStatus,
                [RecordFields.Title] = summaryTitle,
                [RecordFields.PublishedAt] = header.GetString(RecordFields.PublishedAt),
                [RecordFields.FetchedAt] = capture.FetchedAt,
                [RecordFields.ParserVersion] = record.ParserVersion,
                [RecordFields.FigureCount] = record.Figures.Count,
                [RecordFields.Scope] = record.Scope,
                [RecordFields.MirrorSuspect] = record.MirrorSuspect,

                // Lists show where each report came from; carrying it here saves a read per report.
                [RecordFields.SourceUrl] = capture.SourceUrl,
            };
            RemoveNulls(entity);
            derived.Add(new DerivedEntity(DerivedTable.Index, entity));
        }

        foreach (var cell in cells)
        {
            var entity = new TableEntity(IndexKeys.FigurePartition(year, cell.Key), IndexKeys.RegionRow(draft.Region, id))
            {
                [RecordFields.ReportId] = id,
                [RecordFields.Agency] = agency,
                [RecordFields.Region] = draft.Region,
                [RecordFields.Year] = year,
                [RecordFields.Key] = cell.Key,
                [RecordFields.State] = cell.State,
                [RecordFields.Unit] = cell.Unit,
                [RecordFields.Era] = era,
                [RecordFields.ChecksStatus] = checksStatus,
                [RecordFields.ParserVersion] = record.ParserVersion,
                [RecordFields.SourceUrl] = capture.SourceUrl,
            };
            AddNumber(entity, cell.Value);
            RemoveNulls(entity);
            derived.Add(new DerivedEntity(DerivedTable.Figures, entity));
        }

        return new ReportEntities(header, rows, derived);
    }

    /// <summary>The derived entity keys an already stored report owns, from its record entity and cell keys.</summary>
    public static IEnumerable<DerivedKey> DerivedKeysOf(TableEntity header, IEnumerable<string> cellKeys)
    {
        var id = header.GetString(RecordFields.ReportId) ?? header.PartitionKey;
        var year = header.GetInt32(RecordFields.Year) ?? 0;
        var region = header.GetString(RecordFields.Region);
        var agency = header.GetString(RecordFields.Agency) ?? "";
        var era = header.GetString(RecordFields.Era) ?? ReportEra.Unknown.Key();
        var status = header.GetString(RecordFields.ChecksStatus) ?? ChecksStatus.None;
        foreach (var (pk, rk) in IndexSlots(year, region, agency, era, status, id))
        {
            yield return new DerivedKey(DerivedTable.Index, pk, rk);
        }

        foreach (var key in cellKeys)
        {
            yield return new DerivedKey(DerivedTable.Figures, IndexKeys.FigurePartition(year, key), IndexKeys.RegionRow(region, id));
        }
    }

    private static IEnumerable<(string Pk, string Rk)> IndexSlots(int year, string? region, string agency, string era, string checksStatus, string id)
    {
        yield return (IndexKeys.YearPartition(year), IndexKeys.RegionRow(region, id));
        yield return (IndexKeys.AgencyPartition(agency), IndexKeys.YearRow(year, id));
        yield return (IndexKeys.EraPartition(era), IndexKeys.YearRegionRow(year, region, id));
        yield return (IndexKeys.ChecksPartition(checksStatus), IndexKeys.YearRegionRow(year, region, id));
    }

    private static List<Cell> Cells(ReportRecord record)
    {
        // A key is one cell: a value wins over a blank listing of the same key, blank over not-applicable.
        var cells = new Dictionary<string, Cell>(StringComparer.Ordinal);
        foreach (var (key, value) in record.Figures)
        {
            cells[key] = new Cell(key, CellState.Value, value, Unit(record, key));
        }

        foreach (var key in record.Blank)
        {
            cells.TryAdd(key, new Cell(key, CellState.Blank, null, Unit(record, key)));
        }

        foreach (var key in record.NotApplicable)
        {
            cells.TryAdd(key, new Cell(key, CellState.NotApplicable, null, Unit(record, key)));
        }

        return [.. cells.Values];
    }

    private static string? Unit(ReportRecord record, string key) => record.Units.TryGetValue(key, out var unit) ? unit : null;

    private static void AddNumber(TableEntity entity, decimal? value)
    {
        if (value is { } v)
        {
            entity[RecordFields.Value] = (double)v;
            entity[RecordFields.Exact] = Exact(v);
        }
    }

    private static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static void RemoveNulls(TableEntity entity)
    {
        foreach (var key in entity.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            entity.Remove(key);
        }
    }

    private sealed record Cell(string Key, string State, decimal? Value, string? Unit);
}
