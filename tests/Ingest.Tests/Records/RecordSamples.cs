using Ingest.Archive;
using Ingest.Parsing;

namespace Ingest.Tests.Records;

/// <summary>
/// Report records built by hand in the shape each era's parser output has (spec report-format.md), so
/// the records tests do not depend on the real parser. Only the canonical table-三 keys are taken from it
/// (<see cref="ApplicationsTable.Rows2021"/>, <see cref="ApplicationColumns.Keys"/>): they are the spec's
/// vocabulary, kept in one place. The benchmarks compile this file too, for the records write benchmark.
/// </summary>
internal static class RecordSamples
{
    /// <summary>A 2021-format report: 175 table-三 cells, table 二 and 四, derived totals, blanks, n/a cells, checks.</summary>
    public static ReportRecord Gb2021(string agency, int year, string version = "test-1", int seed = 1)
    {
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var blank = new List<string>();
        var i = seed;
        foreach (var row in ApplicationsTable.Rows2021)
        {
            foreach (var column in ApplicationColumns.Keys)
            {
                var key = $"applications.{row}.{column}";
                // Every 11th cell is blank, as real tables leave cells empty.
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

        foreach (var group in new[] { "withheld", "unable", "not_processed", "other" })
        {
            figures[$"applications.outcome.{group}.total"] = seed + 3;
        }

        foreach (var key in new[] { "regulations", "normative_docs" })
        {
            figures[$"proactive.art20_1.{key}.issued"] = seed;
            figures[$"proactive.art20_1.{key}.repealed"] = 0;
            figures[$"proactive.art20_1.{key}.in_force"] = seed * 10;
        }

        figures["proactive.art20_5.licensing.decisions"] = 1234;
        figures["proactive.art20_6.penalty.decisions"] = 56;
        figures["proactive.art20_6.coercion.decisions"] = 0;
        figures["proactive.art20_8.admin_fees.amount_wan_yuan"] = 12.50m;
        foreach (var group in new[] { "review", "litigation.direct", "litigation.after_review" })
        {
            foreach (var leaf in new[] { "upheld", "corrected", "other", "pending", "total" })
            {
                figures[$"{group}.{leaf}"] = leaf == "total" ? 4 : 1;
            }
        }

        return new ReportRecord
        {
            Source = "sample",
            Title = $"{agency}{year}年政府信息公开工作年度报告",
            Agency = agency,
            AgencyAsWritten = "市国资委",
            AgencySource = "publisher",
            Year = year,
            YearSource = "title",
            PublishedAt = new DateOnly(year + 1, 1, 20),
            IndexNo = $"11430100MB1234567X/{year + 1}-00012",
            Era = ReportEra.Gb2021,
            Figures = figures,
            Blank = blank,
            NotApplicable = ["proactive.art20_8.admin_fees.count"],
            Units = new Dictionary<string, string> { ["proactive.art20_8.admin_fees.amount_wan_yuan"] = "万元" },
            Checks =
            [
                new CheckResult("I1", "applications.total", true, 877, 877),
                new CheckResult("I3", "applications.new", false, 12.5m, 13),
                new CheckResult("I4", "review", true, 4, 4),
            ],
            Warnings = ["table 二 sub-table 第二十条第（八）项 had an extra column", "页面含有浏览次数"],
            Charset = "gb18030",
            IsReport = true,
            ParserVersion = version,
        };
    }

    public static ReportRecord Gb2019(string agency, int year, string version = "test-1") => new()
    {
        Source = "sample",
        Title = $"{agency}{year}年政府信息公开工作年度报告",
        Agency = agency,
        Year = year,
        Era = ReportEra.Gb2019,
        Figures = new Dictionary<string, decimal>
        {
            ["applications.new.total"] = 859,
            ["applications.carried_over.total"] = 18,
            ["applications.outcome.total.total"] = 805,
            ["applications.carried_forward.total"] = 72,
            ["applications.outcome.other.total"] = 3,
        },
        Blank = ["applications.outcome.disclosed.total"],
        Checks = [new CheckResult("I1", "applications.total", true, 877, 877)],
        IsReport = true,
        ParserVersion = version,
    };

    public static ReportRecord Stat2014(string agency, int year, string version = "test-1") => new()
    {
        Source = "sample",
        Title = $"{agency}{year}年政府信息公开工作年度报告",
        Agency = agency,
        Year = year,
        Era = ReportEra.Stat2014,
        Figures = new Dictionary<string, decimal>
        {
            ["stat.proactive.total"] = 333,
            ["stat.requests.received"] = 6,
            ["stat.requests.received.online"] = 4,
            ["stat.requests.received.in_person"] = 2,
            ["stat.fees.amount_wan_yuan"] = 0.038m,
            ["stat.org.staff_total"] = 3,
        },
        Blank = ["stat.org.dedicated_bodies"],
        Units = new Dictionary<string, string> { ["stat.fees.amount_wan_yuan"] = "万元" },
        Checks = [new CheckResult("stat.requests.received", "channels", true, 6, 6)],
        Warnings = ["section 三 header row says 无"],
        IsReport = true,
        ParserVersion = version,
    };

    public static ReportRecord Prose(string agency, int year, string version = "test-1") => new()
    {
        Source = "sample",
        Title = $"{agency}{year}年政府信息公开工作年度报告",
        Agency = agency,
        Year = year,
        Era = ReportEra.ProseLegacy,
        Figures = new Dictionary<string, decimal>
        {
            ["prose.proactive_items"] = 784,
            ["prose.requests_received"] = 6,
            ["prose.consultations"] = 20,
        },
        IsReport = true,
        ParserVersion = version,
    };

    public static ReportRecord NotAReport(string reason, string version = "test-1") => new()
    {
        Source = "sample",
        Title = "关于印发2023年政府信息公开工作要点的通知",
        IsReport = false,
        NotReportReason = reason,
        ParserVersion = version,
    };

    public static CaptureMetadata Capture(string url, DateTimeOffset fetchedAt, string? region = "湖南省长沙市", string? agency = null) => new()
    {
        SourceUrl = url,
        FinalUrl = url,
        FetchedAt = fetchedAt,
        HttpStatus = 200,
        ContentType = "text/html; charset=gb2312",
        Charset = "gb18030",
        ETag = "\"5f1c-abc\"",
        Sha256 = new string('a', 64),
        CrawlerVersion = "crawler-test",
        SourceId = "changsha",
        Agency = agency,
        Region = region,
    };
}
