using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Records;

/// <summary>
/// Stable report ids: <c>{year}-{agency hash}</c>, plus <c>-agg</c> for a whole-region aggregate report.
/// URL-safe, the same on every re-crawl and re-parse, independent of the URL or capture the report came
/// from (docs/table-model.md explains the choice).
/// </summary>
public static partial class ReportIdentity
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";
    private const int HashChars = 13;

    public static string For(string agency, int year, string? scope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        if (year is < 1000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "A report year has four digits.");
        }

        var id = $"{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{AgencyHash(agency)}";
        return string.Equals(scope, "aggregate", StringComparison.OrdinalIgnoreCase) ? id + "-agg" : id;
    }

    /// <summary>The agency name as ids and index keys see it: NFKC, trimmed, inner whitespace collapsed.</summary>
    public static string NormalizeAgency(string agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return Whitespace().Replace(agency.Normalize(NormalizationForm.FormKC).Trim(), " ");
    }

    /// <summary>True when <paramref name="id"/> has the shape of a report id (checked before it reaches a query).</summary>
    public static bool IsWellFormed(string? id) => id is not null && IdShape().IsMatch(id);

    private static string AgencyHash(string agency)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeAgency(agency)));
        var builder = new StringBuilder(HashChars);
        var buffer = 0;
        var bits = 0;
        foreach (var b in hash)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && builder.Length < HashChars)
            {
                builder.Append(Base32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }

            if (builder.Length == HashChars)
            {
                break;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^[0-9]{4}-[a-z2-7]{13}(-agg)?$")]
    private static partial Regex IdShape();
}
