using Ingest.Records;

namespace Ingest.Functions.Api.Contracts;

/// <summary>An agency with the years it has reports for; <see cref="Reports"/> lists them.</summary>
internal sealed record AgencyItem(string Agency, IReadOnlyList<int> Years, int ReportCount, IReadOnlyList<string> Regions, string Reports)
{
    public static AgencyItem From(AgencyYears a) => new(a.Agency, a.Years, a.ReportCount, a.Regions, LookupRoutes.ReportsOf(a.Agency));
}
