using System.Security.Cryptography;
using System.Text;

namespace Ingest.Records.Storage;

/// <summary>
/// Turns domain text (agency names, blob names, ETags, regions) into PartitionKey/RowKey segments.
/// Table Storage forbids <c>/ \ # ?</c> and control characters in keys; <c>|</c> is our segment
/// separator and <c>%</c> our escape, so those are percent-encoded too. Everything else, Chinese text
/// included, stays as it is, so keys read naturally and sort by name.
/// </summary>
public static class KeyEncoding
{
    /// <summary>Joins segments; the separator sorts below every escaped character but '}', which makes prefix ranges easy.</summary>
    public const char Separator = '|';

    /// <summary>Written for an absent value (no region), so a prefix query for a real value never matches it.</summary>
    public const string None = "_";

    private const int MaxSegment = 200;
    private const int KeptPrefix = 160;

    public static string Segment(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return None;
        }

        var builder = new StringBuilder(value.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (NeedsEscape(rune))
            {
                var count = rune.EncodeToUtf8(bytes);
                for (var i = 0; i < count; i++)
                {
                    builder.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        var escaped = builder.ToString();
        if (escaped.Length <= MaxSegment)
        {
            return escaped;
        }

        // Long blob names would push keys towards the 1 KiB limit: keep a readable prefix and make the
        // rest unique with a hash of the whole value.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
        var cut = escaped[..KeptPrefix];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut + "~" + hash;
    }

    /// <summary>Joins already-escaped segments.</summary>
    public static string Join(params string[] segments) => string.Join(Separator, segments);

    /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/> + separator.</summary>
    public static string PrefixEnd(string prefix) => prefix + (char)(Separator + 1);

    /// <summary>An ETag as one text, whether it came quoted (response headers) or bare (blob listings).</summary>
    public static string ETagText(Azure.ETag? etag) => etag?.ToString().Trim('"') ?? "";

    public static string Year(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static bool NeedsEscape(Rune rune) =>
        rune.Value is '/' or '\\' or '#' or '?' or Separator or '%' || rune.Value < 0x20 || rune.Value is >= 0x7F and <= 0x9F;
}
