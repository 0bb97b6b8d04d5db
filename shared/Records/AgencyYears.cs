namespace Ingest.Records;

/// <summary>An agency with the years it has reports for.</summary>
public sealed record AgencyYears(string Agency, IReadOnlyList<int> Years, int ReportCount, IReadOnlyList<string> Regions);
