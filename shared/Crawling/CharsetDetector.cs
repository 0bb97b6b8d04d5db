using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Crawling;

/// <summary>
/// Decides a page's charset the way browsers do, in order: byte-order mark → Content-Type charset →
/// &lt;meta&gt; prescan of the first 1024 bytes → sniffing (valid UTF-8 stays UTF-8; GB-looking bytes are
/// GB18030). The GB family (gb2312, gbk, x-gbk, chinese …) is reported as GB18030, its superset, which is
/// also what WHATWG's GBK decoder is.
/// </summary>
public static partial class CharsetDetector
{
    public const string Gb18030 = "GB18030";
    public const string Utf8 = "UTF-8";

    private const int PrescanBytes = 1024;

    static CharsetDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The charset name for <paramref name="head"/> (the first bytes of the body) served with <paramref name="headerCharset"/>.</summary>
    public static string Detect(ReadOnlySpan<byte> head, string? headerCharset)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "UTF-16LE";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16BE";
        }

        if (Normalize(headerCharset) is { } fromHeader)
        {
            return fromHeader;
        }

        if (Normalize(MetaCharset(head[..Math.Min(head.Length, PrescanBytes)])) is { } fromMeta)
        {
            return fromMeta;
        }

        return Sniff(head);
    }

    /// <summary>The encoding for a charset name from <see cref="Detect"/>; UTF-8 when unknown.</summary>
    public static Encoding EncodingFor(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    /// <summary>Canonical name for a charset label, or null when the label is unknown to .NET.</summary>
    public static string? Normalize(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var clean = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (clean is "gb2312" or "gbk" or "x-gbk" or "gb18030" or "chinese" or "csgb2312" or "gb_2312-80" or "iso-ir-58" or "cp936" or "ms936" or "windows-936" or "x-euc-cn" or "euc-cn")
        {
            return Gb18030;
        }

        if (clean is "utf8" or "utf-8" or "unicode-1-1-utf-8")
        {
            return Utf8;
        }

        try
        {
            return Encoding.GetEncoding(clean).WebName.ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? MetaCharset(ReadOnlySpan<byte> head)
    {
        // The prescan only needs ASCII; Latin-1 maps bytes one to one so offsets stay meaningful.
        var text = Encoding.Latin1.GetString(head);
        var match = MetaPattern().Match(text);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    private static string Sniff(ReadOnlySpan<byte> head)
    {
        var highBytes = false;
        foreach (var b in head)
        {
            if (b >= 0x80)
            {
                highBytes = true;
                break;
            }
        }

        if (!highBytes || IsUtf8(head))
        {
            return Utf8;
        }

        // Not UTF-8 and has non-ASCII bytes: on Chinese government sites that is GB text.
        return Gb18030;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        // The sample may end inside a multi-byte sequence: allow a cut tail of up to 3 bytes.
        for (var cut = 0; cut <= Math.Min(3, bytes.Length); cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes[..^cut]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*(?<charset>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaPattern();
}
