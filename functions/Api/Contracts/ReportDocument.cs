using Ingest.Parsing;
using Ingest.Records;

namespace Ingest.Functions.Api.Contracts;

/// <summary>
/// <c>GET /api/reports/{id}</c>: the whole record. <see cref="Figures"/> holds numbers only; a blank cell
/// is listed in <see cref="Blank"/> (a blank is not a zero), a "not applicable" cell in <see cref="NotApplicable"/>.
/// </summary>
internal sealed record ReportDocument(
    string Id,
    string? Agency,
    string? AgencyAsWritten,
    string? AgencySource,
    string? Region,
    int? Year,
    string? YearSource,
    string? Title,
    DateOnly? PublishedAt,
    string? IndexNo,
    string Era,
    string Scope,
    bool MirrorSuspect,
    string? Charset,
    bool? ChecksOk,
    string ChecksStatus,
    IReadOnlyDictionary<string, decimal> Figures,
    IReadOnlyDictionary<string, string> Units,
    IReadOnlyList<string> Blank,
    IReadOnlyList<string> NotApplicable,
    IReadOnlyList<CheckDocument> Checks,
    IReadOnlyList<string> Warnings,
    string ParserVersion,
    ProvenanceDocument Provenance,
    ReportLinks Links)
{
    public static ReportDocument From(StoredReport stored)
    {
        var r = stored.Record;
        var p = stored.Provenance;
        var status = Records.ChecksStatus.Of(r.ChecksOk);
        // Sorted, so the bytes (and the ETag) do not depend on the order storage returned the cells in.
        return new ReportDocument(
            stored.ReportId, r.Agency, r.AgencyAsWritten, r.AgencySource, stored.Region, r.Year, r.YearSource, r.Title,
            r.PublishedAt, r.IndexNo, r.Era.Key(), r.Scope, r.MirrorSuspect, r.Charset, r.ChecksOk, status,
            new SortedDictionary<string, decimal>(r.Figures.ToDictionary(), StringComparer.Ordinal),
            new SortedDictionary<string, string>(r.Units.ToDictionary(), StringComparer.Ordinal),
            [.. r.Blank.Order(StringComparer.Ordinal)],
            [.. r.NotApplicable.Order(StringComparer.Ordinal)],
            [.. r.Checks.Select(c => new CheckDocument(c.Rule, c.Scope, c.Ok, c.Expected, c.Actual))],
            r.Warnings,
            r.ParserVersion,
            new ProvenanceDocument(p.BlobName, p.BlobETag, p.SourceUrl, p.FinalUrl, p.FetchedAt, p.HttpStatus, p.Sha256, p.ContentType,
                p.CrawlerVersion, p.SourceId, p.WrittenAt),
            new ReportLinks(LookupRoutes.Report(stored.ReportId), LookupRoutes.Source(stored.ReportId)));
    }
}
