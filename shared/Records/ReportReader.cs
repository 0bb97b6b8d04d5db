using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Ingest.Parsing;
using Ingest.Records.Storage;
using Ingest.Storage;

namespace Ingest.Records;

/// <summary>
/// The read side of the records tables, for the Lookup API. Every method is a point read or a query on
/// one PartitionKey (docs/table-model.md); user input reaches filters only through
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/>. Continuation tokens are opaque strings.
/// </summary>
public sealed class ReportReader
{
    private readonly IngestStorage storage;
    private readonly RecordText text;

    public ReportReader(IngestStorage storage)
    {
        this.storage = storage;
        text = new RecordText(storage);
    }

    private TableClient Reports => storage.Table(storage.Layout.ReportsTable);
    private TableClient Index => storage.Table(storage.Layout.ReportIndexTable);
    private TableClient Figures => storage.Table(storage.Layout.FiguresTable);
    private TableClient Failures => storage.Table(storage.Layout.ParseFailuresTable);

    /// <summary>One report with every cell, check and warning, and its provenance; null when unknown.</summary>
    public async Task<StoredReport?> GetReportAsync(string reportId, CancellationToken cancellationToken)
    {
        if (!ReportIdentity.IsWellFormed(reportId))
        {
            return null;
        }

        var entities = await TableQueries.AllAsync(Reports, TableQueries.Filter($"PartitionKey eq {reportId}"), null, cancellationToken);
        var header = entities.FirstOrDefault(e => e.RowKey == RecordFields.RecordRow);
        return header is null ? null : await AssembleAsync(reportId, header, entities, cancellationToken);
    }

    /// <summary>The raw blob the report was parsed from (for the archived original); null when unknown.</summary>
    public async Task<string?> GetRawBlobNameAsync(string reportId, CancellationToken cancellationToken)
    {
        if (!ReportIdentity.IsWellFormed(reportId))
        {
            return null;
        }

        var header = await PointReadAsync(Reports, reportId, RecordFields.RecordRow, cancellationToken);
        return header?.GetString(RecordFields.BlobName);
    }

    /// <summary>Reports by agency, year (+ region), era or check status. Check <see cref="ReportQuery.Problem"/> first.</summary>
    public async Task<ResultPage<ReportSummary>> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(query));
        }

        var region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim();
        FormattableString? era = query.Era is null ? null : (FormattableString)$"Era eq {query.Era}";
        FormattableString? checks = query.ChecksStatus is null ? null : (FormattableString)$"ChecksStatus eq {query.ChecksStatus}";
        FormattableString? regionFilter = region is null ? null : (FormattableString)$"Region eq {region}";
        var year = query.Year is { } y ? KeyEncoding.Year(y) : null;
        string filter;

        if (!string.IsNullOrWhiteSpace(query.Agency))
        {
            var pk = IndexKeys.AgencyPartition(query.Agency);
            filter = TableQueries.Filter($"PartitionKey eq {pk}", year is null ? null : TableQueries.RowKeyPrefix(year), regionFilter, era, checks);
        }
        else if (year is not null)
        {
            var pk = IndexKeys.YearPartition(query.Year!.Value);
            filter = TableQueries.Filter($"PartitionKey eq {pk}", region is null ? null : TableQueries.RowKeyPrefix(KeyEncoding.Segment(region)), era, checks);
        }
        else if (query.Era is not null)
        {
            filter = TableQueries.Filter($"PartitionKey eq {IndexKeys.EraPartition(query.Era)}", regionFilter, checks);
        }
        else
        {
            filter = TableQueries.Filter($"PartitionKey eq {IndexKeys.ChecksPartition(query.ChecksStatus!)}", regionFilter);
        }

        var (items, token) = await TableQueries.PageAsync(Index, filter, query.PageSize, query.ContinuationToken, null, cancellationToken);
        var summaries = items.Select(ToSummary).ToList();
        var urls = await SourceUrlsAsync(summaries.Where(s => s.SourceUrl is null).Select(s => s.ReportId), cancellationToken);
        return new ResultPage<ReportSummary>([.. summaries.Select(s => s.SourceUrl is null && urls.TryGetValue(s.ReportId, out var url) ? s with { SourceUrl = url } : s)], token);
    }

    /// <summary>One figure key across all reports of a year (+ region), blank and not-applicable cells included.</summary>
    public async Task<ResultPage<FigureObservation>> ListFigureAsync(FigureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(query));
        }

        var pk = IndexKeys.FigurePartition(query.Year, query.Key.Trim());
        var region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim();
        var filter = TableQueries.Filter($"PartitionKey eq {pk}", region is null ? null : TableQueries.RowKeyPrefix(KeyEncoding.Segment(region)));
        var (items, token) = await TableQueries.PageAsync(Figures, filter, query.PageSize, query.ContinuationToken, null, cancellationToken);
        var observations = items.Select(ToObservation).ToList();
        var urls = await SourceUrlsAsync(observations.Where(o => o.SourceUrl is null).Select(o => o.ReportId), cancellationToken);
        return new ResultPage<FigureObservation>([.. observations.Select(o => o.SourceUrl is null && urls.TryGetValue(o.ReportId, out var url) ? o with { SourceUrl = url } : o)], token);
    }

    /// <summary>Every agency with the years it has reports for, in agency-name order.</summary>
    public Task<ResultPage<AgencyYears>> ListAgenciesAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        ListAgenciesAsync(null, pageSize, continuationToken, cancellationToken);

    /// <summary>
    /// The agencies whose (normalised) name starts with <paramref name="namePrefix"/> (all when null or
    /// blank), in name order: a RowKey range inside the one <c>agencies</c> partition, never a scan.
    /// </summary>
    public async Task<ResultPage<AgencyYears>> ListAgenciesAsync(string? namePrefix, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > ReportQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"Between 1 and {ReportQuery.MaxPageSize}.");
        }

        var prefix = string.IsNullOrWhiteSpace(namePrefix) ? "" : ReportIdentity.NormalizeAgency(namePrefix);
        var (low, high) = AgencyRowRange(prefix);
        var filter = TableQueries.Filter(
            $"PartitionKey eq {RecordFields.AgenciesPartition}",
            low.Length == 0 ? null : (FormattableString)$"RowKey ge {low}",
            high is null ? null : (FormattableString)$"RowKey lt {high}");
        var (items, token) = await TableQueries.PageAsync(Index, filter, pageSize, continuationToken, null, cancellationToken);
        // A range cut short for very long names can match a few names that only share the cut part.
        return new ResultPage<AgencyYears>([.. items.Select(ToAgencyYears).Where(a => ReportIdentity.NormalizeAgency(a.Agency).StartsWith(prefix, StringComparison.Ordinal))], token);
    }

    /// <summary>Quarantined blobs of one kind (see <see cref="FailureKind"/>).</summary>
    public async Task<ResultPage<ParseFailure>> ListFailuresAsync(string kind, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!FailureKind.All.Contains(kind))
        {
            throw new ArgumentException("Unknown failure kind.", nameof(kind));
        }

        if (pageSize is < 1 or > ReportQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"Between 1 and {ReportQuery.MaxPageSize}.");
        }

        var (items, token) = await TableQueries.PageAsync(Failures, TableQueries.Filter($"PartitionKey eq {kind}"), pageSize, continuationToken, null, cancellationToken);
        var failures = new List<ParseFailure>(items.Count);
        foreach (var entity in items)
        {
            failures.Add(new ParseFailure(
                entity.GetString(RecordFields.Kind) ?? kind,
                entity.GetString(RecordFields.BlobName) ?? "",
                entity.GetString(RecordFields.ETag) ?? "",
                await text.GetAsync(entity, RecordFields.Reason, cancellationToken) ?? "",
                entity.GetString(RecordFields.ParserVersion) ?? "",
                entity.GetInt32(RecordFields.Attempts) ?? 0,
                entity.GetString(RecordFields.SourceUrl),
                entity.GetDateTimeOffset(RecordFields.FetchedAt),
                entity.GetDateTimeOffset(RecordFields.FailedAt) ?? entity.Timestamp ?? DateTimeOffset.MinValue));
        }

        return new ResultPage<ParseFailure>(failures, token);
    }

    internal static ReportSummary ToSummary(TableEntity e) => new(
        e.GetString(RecordFields.ReportId) ?? "",
        e.GetString(RecordFields.Agency) ?? "",
        e.GetInt32(RecordFields.Year) ?? 0,
        e.GetString(RecordFields.Region),
        e.GetString(RecordFields.Era) ?? ReportEra.Unknown.Key(),
        e.GetString(RecordFields.ChecksStatus) ?? ChecksStatus.None,
        e.GetString(RecordFields.Title),
        ParseDate(e.GetString(RecordFields.PublishedAt)),
        e.GetDateTimeOffset(RecordFields.FetchedAt) ?? DateTimeOffset.MinValue,
        e.GetString(RecordFields.ParserVersion) ?? "",
        e.GetInt32(RecordFields.FigureCount) ?? 0,
        e.GetString(RecordFields.Scope) ?? "own",
        e.GetBoolean(RecordFields.MirrorSuspect) ?? false,
        e.GetString(RecordFields.SourceUrl));

    private static FigureObservation ToObservation(TableEntity e) => new(
        e.GetString(RecordFields.ReportId) ?? "",
        e.GetString(RecordFields.Agency) ?? "",
        e.GetString(RecordFields.Region),
        e.GetInt32(RecordFields.Year) ?? 0,
        e.GetString(RecordFields.Key) ?? "",
        e.GetString(RecordFields.State) ?? CellState.Value,
        ParseDecimal(e.GetString(RecordFields.Exact)),
        e.GetString(RecordFields.Unit),
        e.GetString(RecordFields.Era) ?? ReportEra.Unknown.Key(),
        e.GetString(RecordFields.ChecksStatus) ?? ChecksStatus.None,
        e.GetString(RecordFields.ParserVersion) ?? "",
        e.GetString(RecordFields.SourceUrl));

    private static AgencyYears ToAgencyYears(TableEntity e) => new(
        e.GetString(RecordFields.Agency) ?? "",
        [.. Split(e.GetString(RecordFields.Years)).Select(y => int.Parse(y, CultureInfo.InvariantCulture))],
        e.GetInt32(RecordFields.ReportCount) ?? 0,
        [.. Split(e.GetString(RecordFields.Regions))]);

    private async Task<StoredReport> AssembleAsync(string reportId, TableEntity header, List<TableEntity> entities, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var blank = new List<string>();
        var notApplicable = new List<string>();
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        var checks = new List<(string Row, CheckResult Check)>();
        var warnings = new List<(string Row, string Text)>();
        foreach (var entity in entities)
        {
            var kind = entity.RowKey.Split(KeyEncoding.Separator, 2)[0];
            switch (kind)
            {
                case RecordFields.CellPrefix:
                    var key = entity.GetString(RecordFields.Key) ?? "";
                    switch (entity.GetString(RecordFields.State))
                    {
                        case CellState.Blank:
                            blank.Add(key);
                            break;
                        case CellState.NotApplicable:
                            notApplicable.Add(key);
                            break;
                        default:
                            figures[key] = ParseDecimal(entity.GetString(RecordFields.Exact)) ?? 0m;
                            break;
                    }

                    if (entity.GetString(RecordFields.Unit) is { } unit)
                    {
                        units[key] = unit;
                    }

                    break;
                case RecordFields.CheckPrefix:
                    checks.Add((entity.RowKey, new CheckResult(
                        entity.GetString(RecordFields.Rule) ?? "",
                        entity.GetString(RecordFields.CheckScope) ?? "",
                        entity.GetBoolean(RecordFields.Ok) ?? false,
                        ParseDecimal(entity.GetString(RecordFields.Expected)) ?? 0m,
                        ParseDecimal(entity.GetString(RecordFields.Actual)) ?? 0m)));
                    break;
                case RecordFields.WarningPrefix:
                    warnings.Add((entity.RowKey, await text.GetAsync(entity, RecordFields.Text, cancellationToken) ?? ""));
                    break;
            }
        }

        var blobName = header.GetString(RecordFields.BlobName) ?? "";
        var parserVersion = header.GetString(RecordFields.ParserVersion) ?? "";
        var fetchedAt = header.GetDateTimeOffset(RecordFields.FetchedAt) ?? DateTimeOffset.MinValue;
        ReportEraNames.TryParse(header.GetString(RecordFields.Era), out var era);
        var record = new ReportRecord
        {
            Source = blobName,
            Title = await text.GetAsync(header, RecordFields.Title, cancellationToken),
            Agency = header.GetString(RecordFields.Agency),
            AgencyAsWritten = header.GetString(RecordFields.AgencyAsWritten),
            AgencySource = header.GetString(RecordFields.AgencySource),
            Year = header.GetInt32(RecordFields.Year),
            YearSource = header.GetString(RecordFields.YearSource),
            PublishedAt = ParseDate(header.GetString(RecordFields.PublishedAt)),
            IndexNo = header.GetString(RecordFields.IndexNo),
            Era = era,
            Figures = figures,
            Blank = blank,
            NotApplicable = notApplicable,
            Units = units,
            Checks = [.. checks.OrderBy(c => c.Row, StringComparer.Ordinal).Select(c => c.Check)],
            Warnings = [.. warnings.OrderBy(w => w.Row, StringComparer.Ordinal).Select(w => w.Text)],
            MirrorSuspect = header.GetBoolean(RecordFields.MirrorSuspect) ?? false,
            Scope = header.GetString(RecordFields.Scope) ?? "own",
            Charset = header.GetString(RecordFields.Charset),
            IsReport = true,
            ParserVersion = parserVersion,
        };
        var provenance = new ReportProvenance(
            blobName,
            header.GetString(RecordFields.BlobETag) ?? "",
            header.GetString(RecordFields.SourceUrl) ?? "",
            header.GetString(RecordFields.FinalUrl) ?? "",
            fetchedAt,
            header.GetInt32(RecordFields.HttpStatus) ?? 0,
            header.GetString(RecordFields.Sha256),
            header.GetString(RecordFields.ContentType),
            header.GetString(RecordFields.CrawlerVersion),
            header.GetString(RecordFields.SourceId),
            parserVersion,
            header.GetDateTimeOffset(RecordFields.WrittenAt) ?? DateTimeOffset.MinValue);
        return new StoredReport(reportId, header.GetString(RecordFields.Region), record, provenance);
    }

    /// <summary>
    /// The RowKey range of agency names starting with <paramref name="prefix"/>: escaped like
    /// <see cref="KeyEncoding.Segment"/>, cut where Segment cuts long names (so hashed keys still match).
    /// </summary>
    private static (string Low, string? High) AgencyRowRange(string prefix)
    {
        const int SharedWithLongKeys = 158;
        var builder = new StringBuilder();
        foreach (var rune in prefix.EnumerateRunes())
        {
            builder.Append(KeyEncoding.Segment(rune.ToString()));
        }

        var low = builder.ToString();
        if (low.Length > SharedWithLongKeys)
        {
            low = low[..(char.IsHighSurrogate(low[SharedWithLongKeys - 1]) ? SharedWithLongKeys - 1 : SharedWithLongKeys)];
        }

        if (low.Length == 0)
        {
            return ("", null);
        }

        // The smallest string above every string starting with low: its last code point plus one.
        var last = Rune.GetRuneAt(low, low.Length - (char.IsLowSurrogate(low[^1]) ? 2 : 1));
        var next = last.Value + 1 is >= 0xD800 and <= 0xDFFF ? 0xE000 : last.Value + 1;
        return next > 0x10FFFF ? (low, null) : (low, low[..^last.Utf16SequenceLength] + new Rune(next).ToString());
    }

    /// <summary>
    /// Source URLs for index or figure entities that do not carry one, from each report's record entity
    /// (a point read per report, in parallel).
    /// </summary>
    private async Task<Dictionary<string, string>> SourceUrlsAsync(IEnumerable<string> reportIds, CancellationToken cancellationToken)
    {
        var ids = reportIds.Where(ReportIdentity.IsWellFormed).Distinct(StringComparer.Ordinal).ToList();
        var urls = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>(urls, StringComparer.Ordinal);
        }

        string[] select = [RecordFields.SourceUrl];
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, token) =>
        {
            try
            {
                var response = await Reports.GetEntityIfExistsAsync<TableEntity>(id, RecordFields.RecordRow, select, token);
                if (response.HasValue && response.Value!.GetString(RecordFields.SourceUrl) is { } url)
                {
                    urls[id] = url;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // No Reports table yet: no URLs to add.
            }
        });
        return new Dictionary<string, string>(urls, StringComparer.Ordinal);
    }

    private static async Task<TableEntity?> PointReadAsync(TableClient table, string pk, string rk, CancellationToken cancellationToken)
    {
        try
        {
            return await TableQueries.PointReadAsync(table, pk, rk, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    internal static decimal? ParseDecimal(string? value) =>
        decimal.TryParse(value, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static IEnumerable<string> Split(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
