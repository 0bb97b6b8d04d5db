using System.Security.Cryptography;
using System.Text;
using Ingest.Archive;
using Ingest.Parsing;

namespace Ingest.Tests.Lookup;

/// <summary>
/// The reports the Lookup tests read: a raw capture each (bytes and provenance) and the record a
/// scripted parser returns for it, so the API is tested against what the real write side stores.
/// </summary>
internal static class SampleReports
{
    public const string ParserVersion = "lookup-test-1";
    public const string Changsha = "长沙市国资委";
    public const string ChangshaRegion = "湖南省长沙市";
    public const string Beijing = "北京市财政局";
    public const string County = "某县人民政府";

    /// <summary>An agency name made of the characters that break naive CSV writers and OData filters.</summary>
    public const string Awkward = "O'Brien, \"Q\" 局";
    public const string AwkwardRegion = "测试,区";
    public const string PagingRegion = "分页省";
    public const int PagingYear = 2021;
    public const int PagingCount = 12;

    public static string PagingAgency(int i) => $"分页测试局{i:D2}";

    /// <summary>The Changsha 2023 page, archived as GBK bytes.</summary>
    public static byte[] ChangshaPage { get; } = GbkPage();

    public static IReadOnlyList<SampleReport> All { get; } = Build();

    private static List<SampleReport> Build()
    {
        var list = new List<SampleReport>
        {
            new("cs-2022.html", Utf8Page("长沙 2022"), Capture("http://www.changsha.gov.cn/xxgk/2022年报.html", "text/html; charset=utf-8", "utf-8", ChangshaRegion), Record(
                "cs-2022.html", Changsha, 2022, ReportEra.Gb2021,
                new() { ["applications.new.total"] = 100, ["applications.new.natural_person"] = 60 },
                checks: [new CheckResult("I1", "applications.total", true, 100, 100)])),
            new("cs-2023.html", ChangshaPage, Capture("http://www.changsha.gov.cn/xxgk/2023年报.html", "text/html", "GBK", ChangshaRegion), Record(
                "cs-2023.html", Changsha, 2023, ReportEra.Gb2021,
                new() { ["applications.new.total"] = 120, ["procurement.amount"] = 1234.50m },
                checks: [new CheckResult("I1", "applications.total", true, 120, 120), new CheckResult("I2", "outcomes.total", false, 120, 118)],
                blank: ["applications.new.natural_person"],
                notApplicable: ["review.total"],
                units: new() { ["procurement.amount"] = "元" },
                warnings: ["表三第2行合计与分项不符"])),
            new("bj-2023.html", Utf8Page("北京 2023"), Capture("https://czj.beijing.gov.cn/2023.html", "text/html; charset=utf-8", "utf-8", "北京市"), Record(
                "bj-2023.html", Beijing, 2023, ReportEra.Gb2021,
                new() { ["applications.new.total"] = 45 },
                checks: [new CheckResult("I1", "applications.total", true, 45, 45)])),
            new("county-2018.txt", Utf8Page("县 2018"), Capture("http://www.county.gov.cn/2018.txt", "text/plain; charset=utf-8", null, null), Record(
                "county-2018.txt", County, 2018, ReportEra.ProseLegacy,
                new() { ["prose.requests_received"] = 3 })),
            new("awkward-2023.html", Utf8Page("awkward"), Capture("http://example.gov.cn/a,b.html", "text/html", "utf-8", AwkwardRegion), Record(
                "awkward-2023.html", Awkward, 2023, ReportEra.Gb2021,
                new() { ["applications.new.total"] = 7 },
                checks: [new CheckResult("I1", "applications.total", true, 7, 7)])),
        };
        for (var i = 1; i <= PagingCount; i++)
        {
            var name = $"paging-{i:D2}.html";
            list.Add(new(name, Utf8Page(name), Capture($"http://paging.gov.cn/{i}.html", "text/html", "utf-8", PagingRegion), Record(
                name, PagingAgency(i), PagingYear, ReportEra.Stat2014,
                new() { ["stat.requests.received"] = i },
                checks: [new CheckResult("I1", "stat.requests", true, i, i)])));
        }

        return list;
    }

    private static ReportRecord Record(
        string source, string agency, int year, ReportEra era, Dictionary<string, decimal> figures,
        CheckResult[]? checks = null, string[]? blank = null, string[]? notApplicable = null, Dictionary<string, string>? units = null, string[]? warnings = null) => new()
    {
        Source = source,
        Title = $"{agency}{year}年政府信息公开工作年度报告",
        Agency = agency,
        AgencyAsWritten = agency,
        AgencySource = "publisher",
        Year = year,
        YearSource = "title",
        PublishedAt = new DateOnly(year + 1, 1, 20),
        IndexNo = $"000-{year}-01",
        Era = era,
        Figures = figures,
        Blank = blank ?? [],
        NotApplicable = notApplicable ?? [],
        Units = units ?? [],
        Checks = checks ?? [],
        Warnings = warnings ?? [],
        Charset = "utf-8",
        IsReport = true,
        ParserVersion = ParserVersion,
    };

    private static CaptureMetadata Capture(string url, string contentType, string? charset, string? region) => new()
    {
        SourceUrl = url,
        FinalUrl = url,
        FetchedAt = new DateTimeOffset(2024, 3, 1, 8, 30, 0, TimeSpan.Zero),
        HttpStatus = 200,
        ContentType = contentType,
        Charset = charset,
        Sha256 = "",
        CrawlerVersion = "test",
        SourceId = "lookup-tests",
        Region = region,
    };

    private static byte[] Utf8Page(string text) => Encoding.UTF8.GetBytes($"<html><body>{text}</body></html>");

    private static byte[] GbkPage()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes("<html><head><meta charset=\"gbk\"></head><body>长沙市国资委2023年政府信息公开工作年度报告</body></html>");
    }

    public static CaptureMetadata WithHash(CaptureMetadata capture, byte[] content) =>
        capture with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) };
}

/// <summary>One raw capture and the record the scripted parser makes of it.</summary>
internal sealed record SampleReport(string BlobName, byte[] Content, CaptureMetadata Capture, ReportRecord Record);
