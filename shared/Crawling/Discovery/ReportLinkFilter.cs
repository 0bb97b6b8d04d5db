using System.Text.RegularExpressions;

namespace Ingest.Crawling.Discovery;

/// <summary>
/// Decides from a link's text whether it leads to an annual disclosure report. Built-in rule: a report
/// word (年度报告, 年报, 工作报告) together with a disclosure word (政府信息公开, 政务公开, 信息公开), or a
/// year-labelled 年度报告; never companion pages (解读, 图解, 一图读懂, 政策问答) nor notices about
/// compiling or formatting reports (关于…通知, 编制工作, 格式). A source's own pattern replaces the
/// positive rule; the exclusions always apply.
/// </summary>
public sealed partial class ReportLinkFilter
{
    private readonly Regex? custom;

    public ReportLinkFilter(string? customPattern)
    {
        custom = customPattern is null ? null : new Regex(customPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public bool IsReport(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = WhiteSpace().Replace(title, "");
        if (text.Length == 0 || Excluded().IsMatch(text))
        {
            return false;
        }

        if (custom is not null)
        {
            return custom.IsMatch(text);
        }

        return (ReportWord().IsMatch(text) && DisclosureWord().IsMatch(text)) || YearReport().IsMatch(text);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("解读|图解|一图读懂|一图看懂|政策问答|答记者问|编制工作|格式|关于.*通知|通知$|模板|范本")]
    private static partial Regex Excluded();

    [GeneratedRegex("年度报告|年报|工作报告|年度工作报告")]
    private static partial Regex ReportWord();

    [GeneratedRegex("政府信息公开|政务公开|信息公开|政务信息公开")]
    private static partial Regex DisclosureWord();

    [GeneratedRegex("(19|20)[0-9]{2}年度?.{0,30}公开.{0,10}报告")]
    private static partial Regex YearReport();
}
