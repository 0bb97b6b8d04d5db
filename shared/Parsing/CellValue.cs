using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Parsing;

/// <summary>One table cell read as a value: its kind, its number and the unit written inside it.</summary>
internal readonly partial record struct CellValue(CellKind Kind, decimal Number, string? Unit)
{
    public static CellValue Blank { get; } = new(CellKind.Blank, 0, null);

    /// <summary>True for every kind a value cell can hold (everything but text).</summary>
    public bool IsValue => Kind != CellKind.Text;

    /// <summary>The number the arithmetic checks use, or null when the cell holds no number (blank, n/a, text).</summary>
    public decimal? Arithmetic => Kind is CellKind.Number or CellKind.None ? Number : null;

    public static CellValue Read(string raw)
    {
        if (raw.Length > 40 || raw.Length > 0 && !MayBeValue(raw))
        {
            return new(CellKind.Text, 0, null);
        }

        var text = StripSpaces(TextFolding.Fold(raw));
        if (text.Length == 0)
        {
            return Blank;
        }

        if (IsDashes(text))
        {
            return new(CellKind.NotApplicable, 0, null);
        }

        if (text is "无" or "暂无" or "没有")
        {
            return new(CellKind.None, 0, null);
        }

        if (text is "零" or "〇")
        {
            return new(CellKind.Number, 0, null);
        }

        var match = NumberPattern().Match(text);
        if (!match.Success)
        {
            return new(CellKind.Text, 0, null);
        }

        var digits = match.Groups[IntGroup].Value.Replace(",", string.Empty, StringComparison.Ordinal) + match.Groups[FracGroup].Value;
        if (digits.Length > 20 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new(CellKind.Text, 0, null);
        }

        if (match.Groups[SignGroup].Value == "-")
        {
            value = -value;
        }

        var unit = match.Groups[UnitGroup].Success && match.Groups[UnitGroup].Length > 0 ? match.Groups[UnitGroup].Value : null;
        return new(CellKind.Number, Normalise(value), unit);
    }

    /// <summary>Cheap pre-test: a value cell starts (after spaces) with a digit, sign, dash, slash or one of 无/暂/没/零/〇.</summary>
    private static bool MayBeValue(string raw)
    {
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            return c is (>= '0' and <= '9') or (>= '\uFF10' and <= '\uFF19') or '+' or '-' or '＋' or '－' or '/' or '／' or '\\' or '—' or '–' or '―' or '─' or '一'
                or '无' or '暂' or '没' or '零' or '〇';
        }

        return true;
    }

    /// <summary>Drops trailing zeros so 1860.00 and 1860 print alike.</summary>
    public static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;

    private static bool IsDashes(string text)
    {
        foreach (var c in text)
        {
            if (c is not ('/' or '-' or '—' or '–' or '―' or '－' or '\\' or '一' or '─'))
            {
                return false;
            }
        }

        // A lone "一" is the numeral one in prose but a dash in a cell only when doubled.
        return text != "一";
    }

    private static string StripSpaces(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return string.Concat(text.Where(ch => !char.IsWhiteSpace(ch)));
            }
        }

        return text;
    }

    // Group numbers looked up once: a lookup by name goes through a hash table on every numeric cell.
    private static readonly int SignGroup = NumberPattern().GroupNumberFromName("sign");
    private static readonly int IntGroup = NumberPattern().GroupNumberFromName("int");
    private static readonly int FracGroup = NumberPattern().GroupNumberFromName("frac");
    private static readonly int UnitGroup = NumberPattern().GroupNumberFromName("unit");

    [GeneratedRegex(@"^(?<sign>[+\-])?(?<int>\d{1,3}(?:,\d{3})+|\d+)(?<frac>\.\d+)?(?<unit>万元|元|件|个|项|条|次|人次|人|篇|份|家|%)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
