using System.Text;

namespace Ingest.Tests.Infrastructure;

/// <summary>
/// A small government information-disclosure column on a <see cref="FixtureSite"/>: three listing pages
/// (下一页 link, then a TRS createPageHTML script), five real annual reports (the project's seed texts in
/// gov-CMS HTML, two of them GBK), a 解读 page and a notice that must not be taken for reports, a report
/// behind a robots.txt Disallow and a link to another host.
/// </summary>
public static class FixtureSiteSample
{
    public const string ListingPath = "/xxgk/ndbg/index.html";
    public const string RobotsTxt = "User-agent: *\nDisallow: /private/\n";

    /// <summary>Report paths → fixture files (tests/Fixtures/crawler-site).</summary>
    public static readonly IReadOnlyDictionary<string, string> Reports = new Dictionary<string, string>
    {
        ["/xxgk/ndbg/202401/t20240115_110771.html"] = "changsha-gzw-2023.html",
        ["/xxgk/ndbg/201801/t20180129_253709.html"] = "changsha-gzw-2017.html",
        ["/xxgk/ndbg/202001/t20200130_6000.html"] = "shenzhen-gzw-2019.html",
        ["/xxgk/ndbg/201603/t20160320_1001.html"] = "hengyang-gxq-2015.html",
        ["/xxgk/ndbg/201603/t20160314_89879.html"] = "hunan-jgswj-2015.html",
    };

    /// <summary>Pages that are linked but must never be fetched as reports.</summary>
    public static readonly IReadOnlyList<string> NotReports =
    [
        "/xxgk/ndbg/202401/t20240115_110772.html", // 解读
        "/xxgk/tzgg/201712/t20171201_1.html",       // notice about compiling the reports
        "/private/2016/t20170301_1.html",           // robots.txt Disallow
    ];

    /// <summary>The GBK-encoded reports (served without a charset in Content-Type for one, with "gbk" for the other).</summary>
    public static readonly IReadOnlyList<string> GbkReports =
    [
        "/xxgk/ndbg/201801/t20180129_253709.html",
        "/xxgk/ndbg/201603/t20160320_1001.html",
    ];

    public static readonly IReadOnlyList<string> ListingPaths = [ListingPath, "/xxgk/ndbg/index_1.html", "/xxgk/ndbg/index_2.html"];

    public static string PagesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "crawler-site");

    public static byte[] PageBytes(string reportPath) => File.ReadAllBytes(Path.Combine(PagesDirectory, Reports[reportPath]));

    /// <summary>Maps the whole sample column onto <paramref name="site"/>.</summary>
    public static void Map(FixtureSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030");
        site.Map("/robots.txt", FixtureSiteResponse.Text(RobotsTxt));

        site.Map(ListingPath, FixtureSiteResponse.Html(Listing(
            "政府信息公开年报",
            """
            <li><a href="./202401/t20240115_110771.html" title="2023年度市国资委政务公开工作报告(文字版)">2023年度市国资委政务公开工作报告(文字版)</a><span>2024-01-15</span></li>
            <li><a href="./202401/t20240115_110772.html">《2023年度市国资委政务公开工作报告》解读</a><span>2024-01-15</span></li>
            <li><a href="/xxgk/tzgg/201712/t20171201_1.html">关于做好2017年度政府信息公开年报编制工作的通知</a><span>2017-12-01</span></li>
            """,
            """<div class="page"><a href="index.html">首页</a> <a href="index_1.html">下一页</a></div>""",
            "utf-8")));

        // Page 2 is GBK, like many older CMS templates; its pagination only exists in a TRS script.
        site.Map("/xxgk/ndbg/index_1.html", FixtureSiteResponse.Bytes(gbk.GetBytes(Listing(
            "政府信息公开年报",
            """
            <li><a href="../ndbg/201801/t20180129_253709.html" title="长沙市国资委政府信息公开工作2017年度报告">长沙市国资委政府信息公开工作2017年度报...</a><span>2018-01-29</span></li>
            <li><a href="http://PLACEHOLDER/xxgk/ndbg/202001/t20200130_6000.html">深圳市国资委2019年度政府信息公开工作年度报告</a><span>2020-01-30</span></li>
            <li><a href="/private/2016/t20170301_1.html">2016年度政府信息公开工作年度报告</a><span>2017-03-01</span></li>
            """.Replace("PLACEHOLDER", site.Authority, StringComparison.Ordinal),
            """<script type="text/javascript">createPageHTML(3, 1, "index", "html");</script>""",
            "gb2312")), "text/html"));

        site.Map("/xxgk/ndbg/index_2.html", FixtureSiteResponse.Html(Listing(
            "政府信息公开年报",
            """
            <li><a href="201603/t20160320_1001.html">衡阳国家高新区2015年政府信息公开工作年度报告</a><span>2016-03-20</span></li>
            <li><a href="201603/t20160314_89879.html#top">湖南省机关事务管理局2015年度政府信息公开年度报告</a><span>2016-03-14</span></li>
            <li><a href="http://www.gov.cn.invalid/zhengce/2019nb.html">国务院办公厅2019年政府信息公开工作年度报告</a><span>2020-01-20</span></li>
            """,
            """<script type="text/javascript">createPageHTML(3, 2, "index", "html");</script>""",
            "utf-8")));

        foreach (var path in NotReports)
        {
            site.Map(path, FixtureSiteResponse.Html("<html><body><p>not a report</p></body></html>"));
        }

        var index = 0;
        foreach (var (path, _) in Reports)
        {
            index++;
            var contentType = path == GbkReports[0] ? "text/html" // the charset comes from <meta> only
                : path == GbkReports[1] ? "text/html; charset=gbk"
                : "text/html; charset=utf-8";
            var response = FixtureSiteResponse.Bytes(PageBytes(path), contentType);

            // One report has only Last-Modified, the others an ETag too: both validators get exercised.
            response = path.EndsWith("89879.html", StringComparison.Ordinal)
                ? response with { LastModified = "Mon, 14 Mar 2016 00:00:00 GMT" }
                : response with { ETag = $"\"v1-{index}\"", LastModified = "Tue, 16 Jan 2024 01:00:00 GMT" };
            site.Map(path, response);
        }
    }

    /// <summary>A seeds-file entry for the sample column on <paramref name="site"/>.</summary>
    public static string SeedJson(FixtureSite site, string id = "fixture-gov") =>
        $$"""
        { "sources": [ { "id": "{{id}}", "agency": "长沙市国资委", "region": "湖南省长沙市", "listingUrls": ["{{site.Url(ListingPath)}}"], "maxListingPages": 5, "maxReports": 20 } ] }
        """;

    private static string Listing(string column, string items, string pagination, string charset) => $"""
        <!DOCTYPE html>
        <html>
        <head><meta http-equiv="Content-Type" content="text/html; charset={charset}" /><title>{column}</title></head>
        <body>
        <div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/xxgk/">政务公开</a> &gt; {column}</div>
        <ul class="list">
        {items}
        </ul>
        {pagination}
        </body>
        </html>
        """;
}
