using System.Globalization;
using System.Text;
using Ingest.Records;

namespace Ingest.Functions.Api;

/// <summary>
/// One figure across reports as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, quotes doubled. UTF-8 with a byte-order mark, because Excel (the
/// Chinese editions included) reads BOM-less CSV as the ANSI code page and garbles 中文; other CSV
/// readers skip the BOM. Text cells that a spreadsheet would run as a formula (= + - @ first) get a
/// leading apostrophe; numbers are written as invariant decimals, blank cells as an empty value with
/// state <c>blank</c>.
/// </summary>
internal static class FigureCsv
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    public static IReadOnlyList<string> Columns { get; } =
        ["reportId", "agency", "region", "year", "key", "state", "value", "unit", "era", "checksStatus", "sourceUrl"];

    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static string Header() => string.Join(',', Columns) + "\r\n";

    public static string Row(FigureObservation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var builder = new StringBuilder(160);
        Field(builder, o.ReportId).Append(',');
        Text(builder, o.Agency).Append(',');
        Text(builder, o.Region).Append(',');
        builder.Append(o.Year.ToString(CultureInfo.InvariantCulture)).Append(',');
        Field(builder, o.Key).Append(',');
        Field(builder, o.State).Append(',');
        builder.Append(o.Value?.ToString(CultureInfo.InvariantCulture)).Append(',');
        Text(builder, o.Unit).Append(',');
        Field(builder, o.Era).Append(',');
        Field(builder, o.ChecksStatus).Append(',');
        Text(builder, o.SourceUrl);
        return builder.Append("\r\n").ToString();
    }

    /// <summary>Text from the pages themselves: quoted as needed and defused for spreadsheets.</summary>
    private static StringBuilder Text(StringBuilder builder, string? value) =>
        Field(builder, value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    private static StringBuilder Field(StringBuilder builder, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return builder;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return builder.Append(value);
        }

        return builder.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
