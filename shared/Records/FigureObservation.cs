namespace Ingest.Records;

/// <summary>One report's cell for one figure key. <see cref="Value"/> is null unless <see cref="State"/> is <see cref="CellState.Value"/>.</summary>
public sealed record FigureObservation(
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
    string ParserVersion,
    string? SourceUrl = null);
