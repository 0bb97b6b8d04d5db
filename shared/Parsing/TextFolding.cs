using System.Buffers;

namespace Ingest.Parsing;

/// <summary>
/// The normalisation every reader applies before matching: full-width ASCII to ASCII (digits, parentheses,
/// colons), ideographic and no-break spaces to spaces. A narrow, fast stand-in for NFKC that changes
/// exactly the characters report pages mix up.
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var needs = false;
        foreach (var c in text)
        {
            if (NeedsFolding(c))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        // The dropped characters (zero-width, BOM, CR and any NUL already there) are counted first so the
        // result is written once, without an intermediate builder.
        var length = 0;
        foreach (var c in text)
        {
            if (c is not ('\u200B' or '\uFEFF' or '\r' or '\0'))
            {
                length++;
            }
        }

        return string.Create(length, text, static (destination, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                switch (c)
                {
                    case >= '\uFF01' and <= '\uFF5E':
                        destination[at++] = (char)(c - 0xFEE0);
                        break;
                    case '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\t':
                        destination[at++] = ' ';
                        break;
                    case '\u200B' or '\uFEFF' or '\r' or '\0':
                        break;
                    default:
                        destination[at++] = c;
                        break;
                }
            }
        });
    }

    private static bool NeedsFolding(char c) =>
        c is >= '\uFF01' and <= '\uFF5E' or '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\uFEFF' or '\r' or '\t';

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string Collapse(string text) => IsCollapsed(text) ? text : CollapseCopy(text);

    /// <summary>As <see cref="Collapse(string)"/>, over a slice of a buffer (a cell line, a paragraph being built).</summary>
    public static string Collapse(ReadOnlySpan<char> text) => text.IsEmpty ? string.Empty : IsCollapsed(text) ? new string(text) : CollapseCopy(text);

    /// <summary>Writes the collapsed form of <paramref name="text"/> to <paramref name="destination"/> (at least as long) and returns its length.</summary>
    public static int CollapseInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                destination[length++] = ' ';
                space = false;
            }

            destination[length++] = c;
        }

        return length;
    }

    /// <summary>Most text is already collapsed (tokens, single words): then it is returned as it is.</summary>
    private static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        var previousSpace = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (previousSpace || c != ' ')
                {
                    return false;
                }

                previousSpace = true;
            }
            else
            {
                previousSpace = false;
            }
        }

        return !previousSpace || text.IsEmpty;
    }

    private static string CollapseCopy(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length));
        var length = CollapseInto(text, buffer);
        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>
    /// A label's matching form: folded, with its leading ordinal ("（一）", "1.", "三、") removed, then every
    /// space, bracket, quote and separator dropped, so "（二）部分公开（区分处理的…）" and "部分公开(区分处理的…)" meet.
    /// </summary>
    public static string LabelKey(string text)
    {
        var folded = Fold(text);
        var start = SkipOrdinal(folded);
        var rest = folded.AsSpan(start);
        var firstDropped = rest.IndexOfAny(LabelNoise);

        if (firstDropped < 0)
        {
            return start == 0 ? folded : new string(rest);
        }

        char[]? rented = null;
        var buffer = rest.Length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(rest.Length));
        rest[..firstDropped].CopyTo(buffer);
        var length = firstDropped;
        for (var i = firstDropped + 1; i < rest.Length; i++)
        {
            if (!IsLabelNoise(rest[i]))
            {
                buffer[length++] = rest[i];
            }
        }

        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>White space (every char for which <see cref="char.IsWhiteSpace(char)"/> holds) and the brackets, quotes and separators labels are written with.</summary>
    private static readonly SearchValues<char> LabelNoise = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000"
        + "()“”\"「」‘’'【】《》<>:、·.，,|[]");

    private static bool IsLabelNoise(char c) => LabelNoise.Contains(c);

    private static int SkipOrdinal(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var start = i;
        if (i < text.Length && text[i] == '(')
        {
            var j = i + 1;
            while (j < text.Length && IsOrdinalChar(text[j]))
            {
                j++;
            }

            if (j > i + 1 && j < text.Length && text[j] == ')')
            {
                return j + 1;
            }

            return start;
        }

        var k = i;
        while (k < text.Length && (IsOrdinalChar(text[k]) || char.IsAsciiDigit(text[k])))
        {
            k++;
        }

        if (k > i && k < text.Length && text[k] is '、' or '.' or '．' or ')')
        {
            return k + 1;
        }

        return start;
    }

    private static bool IsOrdinalChar(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' || char.IsAsciiDigit(c);
}
