using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Parsing;

/// <summary>
/// Bytes to text in the order browsers use: BOM → HTTP charset → &lt;meta&gt; prescan → strict UTF-8 → GB18030.
/// Every GB-family label is decoded as GB18030. Binary and empty inputs are recognised, not decoded.
/// </summary>
internal static partial class PageDecoder
{
    /// <summary>Pages larger than this are cut (and say so): no report page comes near it.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The caller owns the result and disposes it once it has finished with the text.</summary>
    public static DecodedPage Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var warnings = new List<string>();
        var truncated = false;
        if (bytes.Length > MaxBytes)
        {
            bytes = bytes[..MaxBytes];
            truncated = true;
            warnings.Add($"input larger than {MaxBytes} bytes: only the first {MaxBytes} bytes were read");
        }

        if (IsBlank(bytes))
        {
            return new DecodedPage(ReadOnlyMemory<char>.Empty, "none", false, "empty input", warnings, truncated, null);
        }

        var binary = BinaryKind(bytes);
        if (binary is not null)
        {
            return new DecodedPage(ReadOnlyMemory<char>.Empty, "none", false, $"binary content ({binary}), not a text page", warnings, truncated, null);
        }

        var (encoding, charset) = Choose(bytes, contentType, warnings);

        // Decoded into a pooled buffer, not a string: a report page is 50–150 KB, so its text as a string
        // would land on the large-object heap once per page, and those allocations drive gen-2 collections.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
        var length = encoding.GetChars(bytes, buffer);
        var start = length > 0 && buffer[0] == '\uFEFF' ? 1 : 0;
        var text = new ReadOnlyMemory<char>(buffer, start, length - start);

        var isHtml = contentType is not null && contentType.Contains("text/plain", StringComparison.OrdinalIgnoreCase)
            ? false
            : contentType is not null && contentType.Contains("html", StringComparison.OrdinalIgnoreCase) || LooksLikeHtml(text.Span);
        return new DecodedPage(text, charset, isHtml, null, warnings, truncated, buffer);
    }

    private static (Encoding Encoding, string Charset) Choose(ReadOnlySpan<byte> bytes, string? contentType, List<string> warnings)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Encoding.UTF8, "utf-8");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode, "utf-16le");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode, "utf-16be");
        }

        var declared = CharsetFromContentType(contentType) ?? CharsetFromMeta(bytes);
        if (declared is not null)
        {
            var resolved = Resolve(declared);
            if (resolved is null)
            {
                warnings.Add($"unknown charset '{declared}': detected instead");
            }
            else if (resolved.CodePage == Encoding.UTF8.CodePage && !IsValidUtf8(bytes))
            {
                // Sites copy templates between servers; a page labelled UTF-8 but stored as GBK is common.
                warnings.Add("declared utf-8 but the bytes are not valid UTF-8: decoded as gb18030");
                return (EncodingRegistration.Gb18030, "gb18030");
            }
            else
            {
                return (resolved, resolved.CodePage == 54936 ? "gb18030" : resolved.WebName);
            }
        }

        return IsValidUtf8(bytes) ? (Encoding.UTF8, "utf-8") : (EncodingRegistration.Gb18030, "gb18030");
    }

    private static Encoding? Resolve(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (name)
        {
            case "gb2312" or "gbk" or "gb18030" or "x-gbk" or "chinese" or "csgb2312" or "iso-ir-58" or "gb_2312-80" or "euc-cn" or "cp936" or "windows-936" or "ms936":
                return EncodingRegistration.Gb18030;
            case "utf-8" or "utf8" or "unicode-1-1-utf-8":
                return Encoding.UTF8;
            case "utf-7" or "utf7" or "unicode-1-1-utf-7" or "csunicode11utf7":
                // Never honoured by browsers (WHATWG maps it to replacement) and disabled in .NET.
                return null;
            default:
                try
                {
                    return Encoding.GetEncoding(name);
                }
                catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
                {
                    return null;
                }
        }
    }

    private static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var match = ContentTypeCharset().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? CharsetFromMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = MetaCharset().Match(head);
        return !match.Success ? null : match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return true;
        }

        // A page cut by the size cap may end inside a sequence: judge it without its last bytes.
        for (var cut = 1; cut <= 3 && cut < bytes.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes[..^cut]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not (0x20 or 0x09 or 0x0A or 0x0D or 0x0C or 0x00))
            {
                return false;
            }
        }

        return true;
    }

    private static string? BinaryKind(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF"u8))
        {
            return "pdf";
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return "zip/docx/xlsx";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            return "png";
        }

        if (bytes.StartsWith("GIF8"u8))
        {
            return "gif";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "jpeg";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "gzip";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return "ole2/doc/xls";
        }

        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
        {
            return null;
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0 || b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C or 0x1B))
            {
                control++;
            }
        }

        return control * 100 > sample.Length * 2 ? "control bytes" : null;
    }

    private static bool LooksLikeHtml(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, 4096)];
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<meta", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<table", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<div", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<p>", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<p ", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentTypeCharset();

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)|<\?xml[^>]*encoding\s*=\s*[""']([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
