namespace Ingest.Parsing;

/// <summary>Chinese numerals ("十七", "一百零五", "两千", "二〇一九") to numbers; null when not a well-formed numeral.</summary>
internal static class ChineseNumber
{
    public static long? Parse(string text)
    {
        if (text.Length == 0 || text.Length > 12)
        {
            return null;
        }

        // Digit-by-digit form (二〇一九) has no unit characters.
        if (!text.Any(c => c is '十' or '百' or '千' or '万'))
        {
            long digits = 0;
            foreach (var c in text)
            {
                var d = Digit(c);
                if (d < 0)
                {
                    return null;
                }

                digits = digits * 10 + d;
            }

            return digits;
        }

        long total = 0, section = 0, current = 0;
        var lastWasDigit = false;
        foreach (var c in text)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                if (lastWasDigit && d != 0)
                {
                    return null;
                }

                current = d;
                lastWasDigit = d != 0;
                continue;
            }

            lastWasDigit = false;
            switch (c)
            {
                case '十':
                    section += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                case '百':
                    section += current * 100;
                    current = 0;
                    break;
                case '千':
                    section += current * 1000;
                    current = 0;
                    break;
                case '万':
                    total += (section + current) * 10000;
                    section = 0;
                    current = 0;
                    break;
                default:
                    return null;
            }
        }

        return total + section + current;
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
