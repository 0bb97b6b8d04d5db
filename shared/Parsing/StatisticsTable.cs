using System.Text.RegularExpressions;

namespace Ingest.Parsing;

/// <summary>
/// The 2014-era 政府信息公开情况统计表 (指标 | 单位 | 数量, spec §b). Rows are matched by label within their
/// numbered section, so "（二）被依法纠错数" lands under 行政复议 or 行政诉讼 by where it stands. A section row
/// that says 无 makes its blank children stated zeros; unmatched numeric rows are kept as stat.extra.*.
/// </summary>
internal sealed partial class StatisticsTable
{
    private static readonly (int Section, string Phrase, string Key)[] Labels =
    [
        (1, "主动公开政府信息数", "proactive.total"),
        (1, "主动公开规范性文件数", "proactive.normative_docs_published"),
        (1, "制发规范性文件总数", "proactive.normative_docs_issued"),
        (1, "通过不同渠道和方式公开", "#"),
        (1, "政府公报公开", "proactive.channel.gazette"),
        (1, "政府网站公开", "proactive.channel.website"),
        (1, "政务微博公开", "proactive.channel.weibo"),
        (1, "政务微信公开", "proactive.channel.wechat"),
        (1, "其他方式公开", "proactive.channel.other"),
        (2, "回应公众关注热点", "response.hot_topics"),
        (2, "通过不同渠道和方式回应", "#"),
        (2, "主要负责同志参加新闻发布会", "response.press_conferences_principal"),
        (2, "新闻发布会", "response.press_conferences"),
        (2, "主要负责同志参加政府网站在线访谈", "response.online_interviews_principal"),
        (2, "在线访谈", "response.online_interviews"),
        (2, "政策解读稿件", "response.interpretations"),
        (2, "微博微信回应", "response.weibo_wechat"),
        (2, "其他方式回应", "response.other"),
        (3, "收到申请数", "requests.received"),
        (3, "当面申请", "requests.received.in_person"),
        (3, "传真申请", "requests.received.fax"),
        (3, "网络申请", "requests.received.online"),
        (3, "信函申请", "requests.received.mail"),
        (3, "申请办结数", "requests.closed"),
        (3, "按时办结", "requests.closed.on_time"),
        (3, "延期办结", "requests.closed.extended"),
        (3, "申请答复数", "requests.replied"),
        (3, "已主动公开范围", "requests.replied.already_public"),
        (3, "同意部分公开", "requests.replied.partially_granted"),
        (3, "不同意公开", "requests.replied.denied"),
        (3, "同意公开", "requests.replied.granted"),
        (3, "国家秘密", "requests.replied.denied.state_secret"),
        (3, "商业秘密", "requests.replied.denied.commercial_secret"),
        (3, "个人隐私", "requests.replied.denied.privacy"),
        (3, "危及国家安全", "requests.replied.denied.security_stability"),
        (3, "条例所指政府信息", "requests.replied.denied.not_gov_info"),
        (3, "法律法规规定的其他情形", "requests.replied.denied.other_legal"),
        (3, "不属于本行政机关", "requests.replied.not_this_agency"),
        (3, "申请信息不存在", "requests.replied.not_exist"),
        (3, "告知作出更改补充", "requests.replied.asked_to_amend"),
        (3, "告知通过其他途径", "requests.replied.redirected"),
        (4, "维持具体行政行为数", "review.upheld"),
        (4, "被依法纠错", "review.corrected"),
        (4, "其他情形", "review.other"),
        (5, "维持具体行政行为或者驳回", "litigation.upheld"),
        (5, "被依法纠错", "litigation.corrected"),
        (5, "其他情形", "litigation.other"),
        (8, "专门机构数", "org.dedicated_bodies"),
        (8, "查阅点", "org.reading_points"),
        (8, "从事政府信息公开工作人员数", "org.staff_total"),
        (8, "专职人员", "org.staff_full_time"),
        (8, "兼职人员", "org.staff_part_time"),
        (8, "专项经费", "org.budget_wan_yuan"),
        (9, "工作会议或专题会议", "training.meetings"),
        (9, "培训班", "training.classes"),
        (9, "接受培训人员", "training.trainees"),
    ];

    private static readonly (string Phrase, int Section, string? Key)[] Sections =
    [
        ("主动公开情况", 1, null),
        ("回应解读情况", 2, null),
        ("依申请公开情况", 3, null),
        ("行政复议数量", 4, "review.total"),
        ("行政诉讼数量", 5, "litigation.total"),
        ("举报投诉数量", 6, "complaints.total"),
        ("依申请公开信息收取的费用", 7, "fees.amount_wan_yuan"),
        ("机构建设和保障经费", 8, null),
        ("会议和培训情况", 9, null),
    ];

    public bool Found { get; private set; }

    public int RowsRead { get; private set; }

    public string? Caption { get; private set; }

    public List<string> Warnings { get; } = [];

    public static StatisticsTable Read(IReadOnlyList<PageToken> tokens, FigureSet figures)
    {
        var table = new StatisticsTable();
        table.Scan(tokens, figures);
        return table;
    }

    private void Scan(IReadOnlyList<PageToken> tokens, FigureSet figures)
    {
        var anchor = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TokenStream.Label(tokens[i], 60) is { } key && key.Contains("主动公开政府信息数", StringComparison.Ordinal)
                && NextValue(tokens, i) is not null)
            {
                anchor = i;
                break;
            }
        }

        if (anchor < 0)
        {
            return;
        }

        Found = true;
        for (var i = Math.Max(0, anchor - 12); i < anchor; i++)
        {
            if (CaptionPattern().IsMatch(tokens[i].Text))
            {
                Caption = tokens[i].Text;
            }
        }

        var section = 1;
        var noneSection = -1;
        var end = Math.Min(tokens.Count, anchor + 500);
        for (var i = Math.Max(0, anchor - 4); i < end; i++)
        {
            var token = tokens[i];
            if (token.Value.IsValue || IsUnit(token.Text))
            {
                continue;
            }

            if (token.Text.Length > 120)
            {
                break;
            }

            var key = TokenStream.Label(token, 80);
            if (key is null)
            {
                continue;
            }

            var sectionHit = Sections.FirstOrDefault(s => key.Contains(s.Phrase, StringComparison.Ordinal) && IsSectionHeading(token.Text));
            if (sectionHit.Phrase is not null)
            {
                section = sectionHit.Section;
                var cell = NextValue(tokens, i);
                noneSection = cell is { Kind: CellKind.None } ? section : -1;
                if (sectionHit.Key is { } sectionKey && cell is { } value)
                {
                    Set(figures, sectionKey, value);
                }

                continue;
            }

            var label = Labels.FirstOrDefault(l => l.Section == section && key.Contains(l.Phrase, StringComparison.Ordinal));
            if (label.Key is null)
            {
                if (NextValue(tokens, i) is { Kind: CellKind.Number } extra && key.Length <= 40)
                {
                    Set(figures, "stat.extra." + key, extra, prefixed: true);
                }

                continue;
            }

            if (label.Key == "#")
            {
                continue;
            }

            if (NextValue(tokens, i) is { } v)
            {
                Set(figures, label.Key, v);
                if (noneSection == section && v.Kind == CellKind.Blank)
                {
                    figures.BlankToNone("stat." + label.Key);
                }
            }
        }
    }

    private void Set(FigureSet figures, string key, CellValue value, bool prefixed = false)
    {
        figures.SetCell(prefixed ? key : "stat." + key, value, key.EndsWith("_wan_yuan", StringComparison.Ordinal) ? "万元" : null);
        RowsRead++;
    }

    /// <summary>The 数量 cell of the row whose label is at <paramref name="labelIndex"/>, past an optional unit cell.</summary>
    private static CellValue? NextValue(IReadOnlyList<PageToken> tokens, int labelIndex)
    {
        var j = labelIndex + 1;
        if (j >= tokens.Count)
        {
            return null;
        }

        var first = tokens[j];
        if (IsUnit(first.Text) || first.Value.Kind == CellKind.NotApplicable && j + 1 < tokens.Count && tokens[j + 1].Value.IsValue)
        {
            j++;
        }
        else if (first.Value.Kind == CellKind.Blank && j + 1 < tokens.Count && tokens[j + 1].Value.IsValue)
        {
            j++;
        }

        if (j >= tokens.Count)
        {
            return null;
        }

        var value = tokens[j].Value;
        return value.IsValue ? value : null;
    }

    private static bool IsUnit(string text) => text is "条" or "件" or "次" or "篇" or "个" or "人" or "人次" or "万元" or "元" or "项" or "家" or "份" or "期" or "——" or "—";

    private static bool IsSectionHeading(string text) => SectionHeading().IsMatch(text);

    [GeneratedRegex(@"^\s*[一二三四五六七八九十]+\s*[、.]", RegexOptions.CultureInvariant)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"(\d{4})\s*年度?[^。]{0,12}政府信息公开[^。]{0,8}(明细表|统计表|情况表)", RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPattern();

    public static int? CaptionYear(string caption)
    {
        var match = CaptionPattern().Match(caption);
        return match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
    }

    public static string? CaptionAgency(string caption)
    {
        var match = CaptionPattern().Match(caption);
        if (!match.Success)
        {
            return null;
        }

        var before = caption[..match.Index].Trim();
        var colon = before.LastIndexOfAny([':', '：']);
        if (colon >= 0)
        {
            before = before[(colon + 1)..].Trim();
        }

        return before.Length is >= 2 and <= 30 ? before : null;
    }
}
