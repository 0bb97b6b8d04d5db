using System.Globalization;
using System.Text;
using Ingest.Parsing;
using Ingest.Records;

namespace Ingest.Functions.Cli;

/// <summary>
/// <c>export</c>: a year's figures as a CSV file for analysts. With <c>--key</c> it reads that figure's
/// partition of the Figures table; without, it lists the year's reports from the year index and reads
/// each report's partition (one query per report, never a table scan). CSV: UTF-8 with a byte-order
/// mark (Excel reads 中文 correctly), header row, CRLF, RFC 4180 quoting, one row per report and figure;
/// blank and not-applicable cells are rows too, with an empty value and their state.
/// </summary>
public sealed class ExportVerb : CliVerb
{
    private static readonly string[] Columns =
        ["reportId", "agency", "region", "year", "era", "checksStatus", "key", "state", "value", "unit", "sourceUrl", "parserVersion"];

    private readonly Func<IConfiguration> configuration;
    private readonly Action<IServiceCollection>? configureServices;

    public ExportVerb()
        : this(OperatorSession.EnvironmentConfiguration)
    {
    }

    internal ExportVerb(Func<IConfiguration> configuration, Action<IServiceCollection>? configureServices = null)
    {
        this.configuration = configuration;
        this.configureServices = configureServices;
    }

    public override string Name => "export";

    public override string Summary => "Write a year's figures (all, or one key) to a CSV file for analysts.";

    public override string Usage => """
        Usage: dotnet run --project functions -- export --year YYYY [--key KEY] --out FILE.csv

        Writes every figure of the year's reports, or only figure KEY (e.g. applications.new.total), to
        FILE.csv: UTF-8 (with BOM), header row, one row per report and figure, columns
        reportId, agency, region, year, era, checksStatus, key, state (value/blank/not_applicable),
        value, unit, sourceUrl, parserVersion. Prints {"rows":N,"reports":M,"file":...} on stdout.

        Storage: AzureWebJobsStorage. Exit codes: 0 written, 2 bad arguments, unwritable file or no storage.
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        int? year = null;
        string? key = null;
        string? output = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i];
            if (name is not ("--year" or "--key" or "--out"))
            {
                await console.Error.WriteLineAsync($"export: unknown argument '{name}'. Run 'export --help' for usage.");
                return ExitCodes.Usage;
            }

            if (i + 1 >= arguments.Count || string.IsNullOrWhiteSpace(arguments[i + 1]))
            {
                await console.Error.WriteLineAsync($"export: {name} needs a value.");
                return ExitCodes.Usage;
            }

            var value = arguments[++i];
            switch (name)
            {
                case "--year" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2999:
                    year = y;
                    break;
                case "--year":
                    await console.Error.WriteLineAsync($"export: --year must be a four-digit year, not '{value}'.");
                    return ExitCodes.Usage;
                case "--key":
                    key = value.Trim();
                    break;
                default:
                    output = value;
                    break;
            }
        }

        if (year is null || output is null)
        {
            await console.Error.WriteLineAsync("export: --year and --out are required. Run 'export --help' for usage.");
            return ExitCodes.Usage;
        }

        if (key is not null && new FigureQuery(key, year.Value).Problem() is { } problem)
        {
            await console.Error.WriteLineAsync($"export: {problem}");
            return ExitCodes.Usage;
        }

        await using var session = await OperatorSession.OpenAsync(Name, configuration(), configureServices, console, cancellationToken);
        if (session is null)
        {
            return ExitCodes.Usage;
        }

        var reader = session.Services.GetRequiredService<ReportReader>();
        var path = Path.GetFullPath(output);
        var temporary = path + ".partial";
        int rows;
        var reports = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                writer.NewLine = "\r\n";
                await writer.WriteLineAsync(string.Join(',', Columns));
                rows = key is null
                    ? await WriteAllFiguresAsync(reader, year.Value, writer, reports, cancellationToken)
                    : await WriteFigureAsync(reader, year.Value, key, writer, reports, cancellationToken);
            }

            // Written aside and moved into place, so a failed export never leaves half a file under the name.
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"export: cannot write {output}: {e.Message}");
            return ExitCodes.Usage;
        }

        await console.Error.WriteLineAsync($"export: {rows} row(s) from {reports.Count} report(s) of {year} written to {path}");
        await console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new { rows, reports = reports.Count, file = path }));
        return ExitCodes.Success;
    }

    private static async Task<int> WriteFigureAsync(ReportReader reader, int year, string key, StreamWriter writer, HashSet<string> reports, CancellationToken cancellationToken)
    {
        var rows = 0;
        string? token = null;
        do
        {
            var page = await reader.ListFigureAsync(new FigureQuery(key, year) { PageSize = ReportQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
            foreach (var o in page.Items)
            {
                reports.Add(o.ReportId);
                await writer.WriteLineAsync(Row(o.ReportId, o.Agency, o.Region, o.Year, o.Era, o.ChecksStatus, o.Key, o.State, o.Value, o.Unit, o.SourceUrl, o.ParserVersion));
                rows++;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return rows;
    }

    private static async Task<int> WriteAllFiguresAsync(ReportReader reader, int year, StreamWriter writer, HashSet<string> reports, CancellationToken cancellationToken)
    {
        var rows = 0;
        string? token = null;
        do
        {
            var page = await reader.ListReportsAsync(new ReportQuery { Year = year, PageSize = ReportQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
            foreach (var summary in page.Items)
            {
                if (!reports.Add(summary.ReportId) || await reader.GetReportAsync(summary.ReportId, cancellationToken) is not { } report)
                {
                    continue;
                }

                var r = report.Record;
                var era = r.Era.Key();
                var checks = ChecksStatus.Of(r.ChecksOk);
                var cells = r.Figures.Select(f => (Key: f.Key, State: CellState.Value, Value: (decimal?)f.Value))
                    .Concat(r.Blank.Select(b => (Key: b, State: CellState.Blank, Value: (decimal?)null)))
                    .Concat(r.NotApplicable.Select(n => (Key: n, State: CellState.NotApplicable, Value: (decimal?)null)))
                    .OrderBy(c => c.Key, StringComparer.Ordinal);
                foreach (var cell in cells)
                {
                    await writer.WriteLineAsync(Row(report.ReportId, r.Agency ?? "", report.Region, r.Year ?? year, era, checks, cell.Key, cell.State, cell.Value,
                        r.Units.TryGetValue(cell.Key, out var unit) ? unit : null, report.Provenance.SourceUrl, report.Provenance.ParserVersion));
                    rows++;
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return rows;
    }

    private static string Row(string reportId, string agency, string? region, int year, string era, string checks, string key, string state, decimal? value, string? unit, string? sourceUrl, string? parserVersion)
    {
        var fields = new[]
        {
            reportId, Text(agency), Text(region), year.ToString(CultureInfo.InvariantCulture), era, checks, key, state,
            value?.ToString(CultureInfo.InvariantCulture), Text(unit), Text(sourceUrl), parserVersion,
        };
        return string.Join(',', fields.Select(Quote));
    }

    /// <summary>Text from the pages themselves is defused for spreadsheets (no formulas).</summary>
    private static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Quote(string? value) =>
        string.IsNullOrEmpty(value) ? "" :
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
