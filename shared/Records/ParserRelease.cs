using Ingest.Parsing;

namespace Ingest.Records;

/// <summary>
/// The parser the pipeline runs: its version (stamped on receipts and records) and its entry point.
/// Registered in DI as <see cref="Current"/>; tests and benchmarks register their own to feed the
/// handler records they built, independent of the real parser's output.
/// </summary>
public sealed record ParserRelease(string Version, Func<PageInput, ReportRecord> Parse)
{
    public static ParserRelease Current { get; } = new(ReportParser.Version, ReportParser.Parse);
}
