using System.Text;

namespace Ingest.Crawling.Robots;

/// <summary>
/// A robots.txt path pattern (RFC 9309 §2.2.2–2.2.3): '*' matches any run of characters, a final '$'
/// anchors the end; everything else matches literally and case-sensitively from the start of the path.
/// Patterns and paths are compared in one normal form: unreserved ASCII percent-escapes decoded, other
/// escapes upper-cased, non-ASCII characters percent-encoded as UTF-8.
/// </summary>
internal sealed class RobotsPathPattern
{
    private readonly string body;
    private readonly bool anchored;

    public RobotsPathPattern(string pattern)
    {
        var normal = Normalize(pattern);
        anchored = normal.EndsWith('$');
        body = anchored ? normal[..^1] : normal;
        Text = normal;
    }

    /// <summary>The normalised pattern; its length is the rule's specificity (RFC 9309 "most octets").</summary>
    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>True when the pattern matches a prefix of <paramref name="normalizedPath"/> (or all of it, if anchored).</summary>
    public bool Matches(string normalizedPath)
    {
        // Set of path positions reachable after consuming the pattern so far; '*' opens every later position.
        var reachable = new bool[normalizedPath.Length + 1];
        reachable[0] = true;
        var lowest = 0;
        foreach (var c in body)
        {
            if (c == '*')
            {
                for (var i = lowest; i <= normalizedPath.Length; i++)
                {
                    reachable[i] = true;
                }

                continue;
            }

            var any = false;
            var newLowest = int.MaxValue;
            for (var i = normalizedPath.Length; i >= lowest; i--)
            {
                var next = i < normalizedPath.Length && reachable[i] && normalizedPath[i] == c;
                reachable[i] = false;
                if (next)
                {
                    reachable[i + 1] = true;
                    any = true;
                    newLowest = i + 1;
                }
            }

            if (!any)
            {
                return false;
            }

            lowest = newLowest;
        }

        if (!anchored)
        {
            return true;
        }

        return reachable[normalizedPath.Length];
    }

    /// <summary>The comparison form of a path or pattern (RFC 9309 §2.2.2).</summary>
    public static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                var octet = (char)Convert.ToByte(value.Substring(i + 1, 2), 16);
                if (IsUnreserved(octet))
                {
                    builder.Append(octet);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                }

                i += 2;
            }
            else if (c > 0x7F)
            {
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length
                    ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
                foreach (var octet in utf8[..length])
                {
                    builder.Append('%').Append(octet.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
