using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Parsing;

namespace Ingest.Lookup;

/// <summary>
/// Validates query parameters one by one and collects every problem, so a 400 names all bad parameters
/// at once. Each method returns the accepted value (null when absent or rejected). Nothing unchecked
/// leaves here: text is bounded and free of control characters, keys and ids match their grammar.
/// </summary>
public sealed partial class ParameterCheck
{
    private readonly List<ParameterProblem> problems = [];

    public IReadOnlyList<ParameterProblem> Problems => problems;

    public bool IsValid => problems.Count == 0;

    public void Fail(string parameter, string rule) => problems.Add(new ParameterProblem(parameter, rule));

    public int? Year(string parameter, string? raw, bool required)
    {
        if (Absent(parameter, raw, required))
        {
            return null;
        }

        if (!YearShape().IsMatch(raw!) || int.Parse(raw!, CultureInfo.InvariantCulture) is < LookupLimits.MinYear or > LookupLimits.MaxYear)
        {
            Fail(parameter, $"must be a whole year from {LookupLimits.MinYear} to {LookupLimits.MaxYear}");
            return null;
        }

        return int.Parse(raw!, CultureInfo.InvariantCulture);
    }

    public int Limit(string parameter, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return LookupLimits.DefaultLimit;
        }

        if (!LimitShape().IsMatch(raw) || int.Parse(raw, CultureInfo.InvariantCulture) is < 1 or > LookupLimits.MaxLimit)
        {
            Fail(parameter, $"must be a whole number from 1 to {LookupLimits.MaxLimit} (default {LookupLimits.DefaultLimit})");
            return LookupLimits.DefaultLimit;
        }

        return int.Parse(raw, CultureInfo.InvariantCulture);
    }

    public string? Era(string parameter, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (!ReportEraNames.TryParse(raw, out var era))
        {
            Fail(parameter, $"must be one of {string.Join(", ", EraKeys)}");
            return null;
        }

        return era.Key();
    }

    public string? ChecksStatus(string parameter, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (!Records.ChecksStatus.IsKnown(raw))
        {
            Fail(parameter, $"must be one of {string.Join(", ", Records.ChecksStatus.All)}");
            return null;
        }

        return raw;
    }

    public string? FigureKey(string parameter, string? raw, bool required)
    {
        if (Absent(parameter, raw, required))
        {
            return null;
        }

        if (raw!.Length > LookupLimits.MaxFigureKey || !FigureKeyShape().IsMatch(raw))
        {
            Fail(parameter, $"must be a canonical figure key such as applications.new.total (lowercase letters, digits and _ in dot-separated parts, at most {LookupLimits.MaxFigureKey} characters)");
            return null;
        }

        return raw;
    }

    public string? ReportId(string parameter, string? raw)
    {
        if (Absent(parameter, raw, required: true))
        {
            return null;
        }

        if (!ReportIdShape().IsMatch(raw!))
        {
            Fail(parameter, $"must be a report id: 1 to {LookupLimits.MaxReportId} lowercase letters, digits and hyphens");
            return null;
        }

        return raw;
    }

    /// <summary>Free text (agency, region, q): trimmed, at most <paramref name="maxLength"/> characters, no control characters.</summary>
    public string? Text(string parameter, string? raw, int maxLength)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            Fail(parameter, $"must be at most {maxLength} characters");
            return null;
        }

        if (value.Any(char.IsControl))
        {
            Fail(parameter, "must not contain control characters");
            return null;
        }

        return value;
    }

    /// <summary>The read side's token inside an API continuation token issued for <paramref name="scope"/>.</summary>
    public string? Continuation(string parameter, string? raw, string scope)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (!PageToken.TryRedeem(raw, scope, out var readerToken, out var problem))
        {
            Fail(parameter, problem!);
            return null;
        }

        return readerToken;
    }

    private static readonly string[] EraKeys = [.. Enum.GetValues<ReportEra>().Select(e => e.Key()).Order(StringComparer.Ordinal)];

    private bool Absent(string parameter, string? raw, bool required)
    {
        if (!string.IsNullOrEmpty(raw))
        {
            return false;
        }

        if (required)
        {
            Fail(parameter, "is required");
        }

        return true;
    }

    [GeneratedRegex(@"^[0-9]{4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex YearShape();

    [GeneratedRegex(@"^[0-9]{1,4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LimitShape();

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex FigureKeyShape();

    [GeneratedRegex(@"^[a-z0-9-]{1,80}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReportIdShape();
}
