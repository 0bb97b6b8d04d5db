using Ingest.Parsing;

namespace Ingest.Benchmarks.Records;

/// <summary>A gb2021-shaped record: 175 table-三 cells (every 11th blank), tables 二 and 四, checks, warnings.</summary>
internal static class SampleReports
{
    public static ReportRecord Gb2021(string agency, int year)
    {
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var blank = new List<string>();
        var i = 0;
        foreach (var row in ApplicationsTable.Rows2021)
        {
            foreach (var column in ApplicationColumns.Keys)
            {
                var key = $"applications.{row}.{column}";
                if (++i % 11 == 0)
                {
                    blank.Add(key);
                }
                else
                {
                    figures[key] = i % 7;
                }
            }
        }

        foreach (var key in new[] { "regulations", "normative_docs" })
        {
            figures[$"proactive.art20_1.{key}.issued"] = 3;
            figures[$"proactive.art20_1.{key}.repealed"] = 0;
            figures[$"proactive.art20_1.{key}.in_force"] = 30;
        }

        figures["proactive.art20_5.licensing.decisions"] = 1234;
        figures["proactive.art20_6.penalty.decisions"] = 56;
        figures["proactive.art20_6.coercion.decisions"] = 0;
        figures["proactive.art20_8.admin_fees.amount_wan_yuan"] = 12.5m;
        foreach (var group in new[] { "review", "litigation.direct", "litigation.after_review" })
        {
            foreach (var leaf in new[] { "upheld", "corrected", "other", "pending", "total" })
            {
                figures[$"{group}.{leaf}"] = leaf == "total" ? 4 : 1;
            }
        }

        return new ReportRecord
        {
            Source = "bench",
            Title = $"{agency}{year}年政府信息公开工作年度报告",
            Agency = agency,
            Year = year,
            Era = ReportEra.Gb2021,
            Figures = figures,
            Blank = blank,
            Checks = [new CheckResult("I1", "applications.total", true, 877, 877), new CheckResult("I4", "review", true, 4, 4)],
            Warnings = ["页面含有浏览次数"],
            IsReport = true,
            ParserVersion = "bench-1",
        };
    }
}
