using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Parsing;

/// <summary>
/// Figures stated in running text (spec §c), with bounded patterns: the gap between keyword and number
/// never crosses a sentence end, Chinese numerals count only before a counting unit, and the traps
/// (years, 文号, hotlines, percentages, cumulative totals, "其中" breakdowns) are excluded. A zero phrase
/// sets 0 only for what its own clause negates.
/// </summary>
internal static partial class ProseReader
{
    private const string N = @"(?<pre>近|约)?(?<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)(?<post>余|多)?";

    public static void Read(IEnumerable<string> paragraphs, FigureSet figures)
    {
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Length < 6 || !paragraph.AsSpan().ContainsAny(Interesting))
            {
                continue;
            }

            var text = DigitGaps().Replace(paragraph, string.Empty);
            foreach (var sentence in SentenceEnd().Split(text))
            {
                if (sentence.Length >= 4)
                {
                    ReadSentence(sentence, figures);
                }
            }
        }
    }

    private static readonly System.Buffers.SearchValues<char> Interesting = System.Buffers.SearchValues.Create("申公咨员复诉费");

    private static void ReadSentence(string sentence, FigureSet figures)
    {
        Positive(sentence, ProactiveItems(), "prose.proactive_items", figures);
        Positive(sentence, ProactiveItemsPublished(), "prose.proactive_items", figures);
        if (!RequestsExcluded().IsMatch(sentence))
        {
            Positive(sentence, RequestsReceived(), "prose.requests_received", figures);
            Positive(sentence, RequestsReplied(), "prose.requests_replied", figures);
        }

        Positive(sentence, Consultations(), "prose.consultations", figures);
        Positive(sentence, StaffTotal(), "prose.staff_total", figures);
        Positive(sentence, StaffFullTime(), "prose.staff_full_time", figures, breakdown: true);
        Positive(sentence, StaffPartTime(), "prose.staff_part_time", figures, breakdown: true);
        Positive(sentence, ReviewCases(), "prose.review_cases", figures);
        Positive(sentence, LitigationCases(), "prose.litigation_cases", figures);
        Positive(sentence, FeesAmount(), "prose.fees", figures, unitGroup: "unit");

        foreach (var clause in ClauseEnd().Split(sentence))
        {
            Zeros(clause, figures);
        }
    }

    /// <param name="breakdown">The figure is itself a part ("其中专职人员2人"), so "其中" does not disqualify it.</param>
    private static void Positive(string sentence, Regex pattern, string key, FigureSet figures, string? unitGroup = null, bool breakdown = false)
    {
        foreach (Match match in pattern.Matches(sentence))
        {
            var before = sentence[..match.Index];
            var clauseStart = Math.Max(before.LastIndexOfAny([',', '，', ':', '：']), 0);
            var lead = sentence[clauseStart..(match.Index + match.Length)];
            if (!breakdown && lead.Contains("其中", StringComparison.Ordinal) || lead.Contains("累计", StringComparison.Ordinal)
                || lead.Contains("历年", StringComparison.Ordinal) || lead.Contains("截至", StringComparison.Ordinal)
                || lead.Contains("截止", StringComparison.Ordinal) || lead.Contains("以来", StringComparison.Ordinal))
            {
                continue;
            }

            var raw = match.Groups["n"].Value;
            decimal value;
            if (char.IsAsciiDigit(raw[0]))
            {
                if (raw.Length > 12 || !decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
                {
                    continue;
                }
            }
            else if (ChineseNumber.Parse(raw) is { } parsed)
            {
                value = parsed;
            }
            else
            {
                continue;
            }

            var approximate = match.Groups["pre"].Success || match.Groups["post"].Success || match.Groups["tail"].Success;
            var unit = unitGroup is not null && match.Groups[unitGroup].Success ? match.Groups[unitGroup].Value : null;
            figures.SetProse(key, value, approximate, unit);
            return;
        }
    }

    private static void Zeros(string clause, FigureSet figures)
    {
        // A clause that states a count is not a zero statement (the positive patterns read it).
        if (clause.Length < 4 || CountInClause().IsMatch(clause))
        {
            return;
        }

        if (RequestsZero().IsMatch(clause) && !RequestsExcluded().IsMatch(clause))
        {
            figures.SetProse("prose.requests_received", 0, false);
        }

        var negation = Negation().Match(clause);
        if (negation.Success)
        {
            var rest = clause[negation.Index..];
            var review = rest.IndexOf("行政复议", StringComparison.Ordinal);
            if (review is >= 0 and <= 24)
            {
                figures.SetProse("prose.review_cases", 0, false);
                var afterReview = rest[(review + 4)..];
                if (afterReview.Contains("诉讼", StringComparison.Ordinal) && !afterReview.Contains("申诉讼", StringComparison.Ordinal))
                {
                    figures.SetProse("prose.litigation_cases", 0, false);
                }

                if (afterReview.Contains("申诉", StringComparison.Ordinal))
                {
                    figures.SetProse("prose.appeal_cases", 0, false);
                }
            }
            else if (rest.IndexOf("行政诉讼", StringComparison.Ordinal) is >= 0 and <= 24)
            {
                figures.SetProse("prose.litigation_cases", 0, false);
            }
        }

        if (FeesZero().IsMatch(clause))
        {
            figures.SetProse("prose.fees", 0, false);
        }
    }

    [GeneratedRegex(@"(?<=\d)[ ,](?=\d{3}(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGaps();

    [GeneratedRegex(@"\d+\s*(件|个|项|条|次|人|名|起|宗|份)", RegexOptions.CultureInvariant)]
    private static partial Regex CountInClause();

    [GeneratedRegex(@"[。;；!！?？]", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[,，]", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd();

    [GeneratedRegex("主动公开[^。;；,，]{0,12}?" + N + @"\s*条(?<tail>左右|\+)?", RegexOptions.CultureInvariant)]
    private static partial Regex ProactiveItems();

    [GeneratedRegex("对外公[布开][^。;；,，]{0,6}?" + N + @"\s*条(?<tail>左右|\+)?", RegexOptions.CultureInvariant)]
    private static partial Regex ProactiveItemsPublished();

    [GeneratedRegex("(受理|收到|接到|接收)[^。;；]{0,15}?(申请|依申请公开|请求)[^。;；\\d]{0,6}?" + N + @"\s*(件|个|项|条|份)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex RequestsReceived();

    [GeneratedRegex("(办结|答复)[^。;；,，]{0,8}?(申请|依申请公开)[^。;；,，\\d]{0,6}?" + N + @"\s*(件|个|项)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex RequestsReplied();

    [GeneratedRegex("复议|诉讼|咨询|建议|提案|信访|投诉|热线|工单|留言|信箱", RegexOptions.CultureInvariant)]
    private static partial Regex RequestsExcluded();

    [GeneratedRegex("共[^。;；,，]{0,10}?咨询[^。;；,，\\d]{0,4}?" + N + @"\s*(人次|次|件)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex Consultations();

    [GeneratedRegex("(从事[^。;；,，]{0,14}?人员|工作人员)[为有共计:]{0,3}" + N + @"\s*(人|名)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex StaffTotal();

    [GeneratedRegex("专职(工作)?人员[为有共]{0,2}" + N + @"\s*(人|名)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex StaffFullTime();

    [GeneratedRegex("兼职(工作)?人员[为有共]{0,2}" + N + @"\s*(人|名)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex StaffPartTime();

    [GeneratedRegex("行政复议[^。;；,，\\d]{0,8}?" + N + @"\s*(件|起|宗)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex ReviewCases();

    [GeneratedRegex("诉讼[^。;；,，\\d]{0,4}?" + N + @"\s*(件|起|宗)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex LitigationCases();

    [GeneratedRegex("收取[^。;；,，]{0,10}?(信息处理费|费用)[^。;；,，\\d]{0,4}?" + N + @"\s*(?<unit>万元|元)(?<tail>左右)?", RegexOptions.CultureInvariant)]
    private static partial Regex FeesAmount();

    [GeneratedRegex("(未|没有)[^,，。;；]{0,4}?(收到|接到|受理|接收)[^,，。;；]{0,16}?(申请|请求|信函)", RegexOptions.CultureInvariant)]
    private static partial Regex RequestsZero();

    [GeneratedRegex("无|未|没有", RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex("(未|没有|无)[^,，。;；]{0,8}?(收费|收取[^,，。;；]{0,8}?费)", RegexOptions.CultureInvariant)]
    private static partial Regex FeesZero();
}
