using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ingest.Parsing;

/// <summary>
/// The record as JSON, in the field order and names of the parse verb's contract (camelCase, Chinese as
/// real UTF-8 characters, dates as YYYY-MM-DD, figures as a flat key → number object).
/// </summary>
public static class ReportRecordJson
{
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = indented,
    };

    public static string Serialize(ReportRecord record, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions(indented)))
        {
            Write(writer, record);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, ReportRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString("source", record.Source);
        writer.WriteString("title", record.Title);
        writer.WriteString("agency", record.Agency);
        writer.WriteString("agencyAsWritten", record.AgencyAsWritten);
        writer.WriteString("agencySource", record.AgencySource);
        if (record.Year is { } year)
        {
            writer.WriteNumber("year", year);
        }
        else
        {
            writer.WriteNull("year");
        }

        writer.WriteString("yearSource", record.YearSource);
        writer.WriteString("publishedAt", record.PublishedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("indexNo", record.IndexNo);
        writer.WriteString("era", record.Era.Key());
        writer.WriteBoolean("isReport", record.IsReport);
        writer.WriteString("notReportReason", record.NotReportReason);
        writer.WriteString("scope", record.Scope);
        writer.WriteBoolean("mirrorSuspect", record.MirrorSuspect);
        writer.WriteString("charset", record.Charset);

        writer.WriteStartObject("figures");
        foreach (var (key, value) in record.Figures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(key, value);
        }

        writer.WriteEndObject();
        WriteList(writer, "blank", record.Blank);
        WriteList(writer, "notApplicable", record.NotApplicable);
        WriteList(writer, "statedNone", record.StatedNone);
        WriteList(writer, "derived", record.Derived);
        WriteList(writer, "approximate", record.Approximate);
        writer.WriteStartObject("units");
        foreach (var (key, value) in record.Units.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("checks");
        foreach (var check in record.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", check.Rule);
            writer.WriteString("scope", check.Scope);
            writer.WriteBoolean("ok", check.Ok);
            writer.WriteNumber("expected", check.Expected);
            writer.WriteNumber("actual", check.Actual);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (record.ChecksOk is { } ok)
        {
            writer.WriteBoolean("checksOk", ok);
        }
        else
        {
            writer.WriteNull("checksOk");
        }

        WriteList(writer, "warnings", record.Warnings);
        writer.WriteString("textDigest", record.TextDigest);
        writer.WriteString("parserVersion", record.ParserVersion);
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
