namespace Ingest.Parsing;

/// <summary>
/// Entry point of the parser. Never throws for any input: what cannot be read becomes warnings or a
/// non-report record with its reason.
/// </summary>
public static class ReportParser
{
    /// <summary>Stamped on every record; bump when output for the same input changes.</summary>
    public const string Version = "0.0.0";

    public static ReportRecord Parse(PageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // Placeholder until the parser lands: everything is reported as not a report.
        return new ReportRecord
        {
            Source = input.Source,
            IsReport = false,
            NotReportReason = "parser not implemented",
            Warnings = ["parser not implemented"],
            ParserVersion = Version,
        };
    }
}
