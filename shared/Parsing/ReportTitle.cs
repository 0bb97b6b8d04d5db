using System.Text.RegularExpressions;

namespace Ingest.Parsing;

/// <summary>Title patterns of annual reports (spec §d) and of the companion pages that are not reports.</summary>
internal static partial class ReportTitle
{
    /// <summary>"…政府信息公开工作年度报告", "…政务公开工作报告（文字版）", "…信息公开年报": short, no sentence end.</summary>
    public static bool IsReportLikeTitle(string text)
    {
        if (text.Length is < 8 or > 90 || text.Contains('。', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal)
            || text.Contains('»', StringComparison.Ordinal) || text.Contains("当前位置", StringComparison.Ordinal))
        {
            return false;
        }

        return TitlePattern().IsMatch(text);
    }

    /// <summary>解读, 图解, 一图读懂, 通知 about compiling reports, the format notices: pages about a report, not the report.</summary>
    public static string? CompanionKind(string title)
    {
        var match = CompanionPattern().Match(title);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"(政府信息公开|政务公开|政务信息公开|信息公开|政府信息)[^。]{0,16}?(年度报告|工作报告|年报|年度工作情况报告)", RegexOptions.CultureInvariant)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"解读|图解|一图读懂|图说|答记者问|(关于|做好|编制)[^。]{0,30}(通知|工作的函)|格式(的通知)?$|意见征集", RegexOptions.CultureInvariant)]
    private static partial Regex CompanionPattern();
}
