using System.Text;

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
            if (c is >= '\uFF01' and <= '\uFF5E' or '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\uFEFF' or '\r' or '\t')
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\t' => ' ',
                '\u200B' or '\uFEFF' or '\r' => '\0',
                _ => c,
            });
        }

        builder.Replace("\0", string.Empty);
        return builder.ToString();
    }

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A label's matching form: folded, with its leading ordinal ("（一）", "1.", "三、") removed, then every
    /// space, bracket, quote and separator dropped, so "（二）部分公开（区分处理的…）" and "部分公开(区分处理的…)" meet.
    /// </summary>
    public static string LabelKey(string text)
    {
        var folded = Fold(text);
        var start = SkipOrdinal(folded);
        var builder = new StringBuilder(folded.Length - start);
        for (var i = start; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsWhiteSpace(c) || c is '(' or ')' or '“' or '”' or '"' or '「' or '」' or '‘' or '’' or '\'' or '【' or '】'
                or '《' or '》' or '<' or '>' or ':' or '、' or '·' or '.' or '，' or ',' or '|' or '[' or ']')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

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
