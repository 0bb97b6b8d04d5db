using Ingest.Parsing;

namespace Ingest.Records;

/// <summary>
/// One report as stored: the parser's record (figures, blank and not-applicable cells, units, checks,
/// warnings; <see cref="ReportRecord.Source"/> is the raw blob name), its region from the crawl seed,
/// and its provenance.
/// </summary>
public sealed record StoredReport(string ReportId, string? Region, ReportRecord Record, ReportProvenance Provenance);
