using Ingest.Records;

namespace Ingest.Functions.Api.Contracts;

/// <summary>One report in <c>GET /api/reports</c>. <see cref="ChecksOk"/>: true all checks passed, false one failed, null nothing checked.</summary>
internal sealed record ReportListItem(
    string Id,
    string Agency,
    string? Region,
    int Year,
    string Era,
    string? Title,
    DateOnly? PublishedAt,
    bool? ChecksOk,
    string ChecksStatus,
    string? SourceUrl,
    string Scope,
    bool MirrorSuspect,
    int FigureCount,
    DateTimeOffset FetchedAt,
    string ParserVersion,
    string Url)
{
    public static ReportListItem From(ReportSummary s) => new(
        s.ReportId, s.Agency, s.Region, s.Year, s.Era, s.Title, s.PublishedAt, ChecksOkOf(s.ChecksStatus), s.ChecksStatus,
        s.SourceUrl, s.Scope, s.MirrorSuspect, s.FigureCount, s.FetchedAt, s.ParserVersion, LookupRoutes.Report(s.ReportId));

    /// <summary>The stored status as a yes/no/unknown.</summary>
    public static bool? ChecksOkOf(string checksStatus) => checksStatus switch
    {
        Records.ChecksStatus.Ok => true,
        Records.ChecksStatus.Failed => false,
        _ => null,
    };
}
