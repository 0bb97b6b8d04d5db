namespace Ingest.Records;

/// <summary>
/// One report in a list: what the index entities carry, so a list needs no second read.
/// <see cref="SourceUrl"/> comes from the index entity when it carries one, else from the report's record entity.
/// </summary>
public sealed record ReportSummary(
    string ReportId,
    string Agency,
    int Year,
    string? Region,
    string Era,
    string ChecksStatus,
    string? Title,
    DateOnly? PublishedAt,
    DateTimeOffset FetchedAt,
    string ParserVersion,
    int FigureCount,
    string Scope,
    bool MirrorSuspect,
    string? SourceUrl = null);
