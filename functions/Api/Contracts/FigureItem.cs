using Ingest.Records;

namespace Ingest.Functions.Api.Contracts;

/// <summary>One report's cell for the figure asked for. <see cref="Value"/> is null unless <see cref="State"/> is <c>value</c>.</summary>
internal sealed record FigureItem(
    string ReportId,
    string Agency,
    string? Region,
    int Year,
    string Key,
    string State,
    decimal? Value,
    string? Unit,
    string Era,
    string ChecksStatus,
    bool? ChecksOk,
    string? SourceUrl,
    string ParserVersion,
    string Url)
{
    public static FigureItem From(FigureObservation o) => new(
        o.ReportId, o.Agency, o.Region, o.Year, o.Key, o.State, o.Value, o.Unit, o.Era, o.ChecksStatus,
        ReportListItem.ChecksOkOf(o.ChecksStatus), o.SourceUrl, o.ParserVersion, LookupRoutes.Report(o.ReportId));
}
