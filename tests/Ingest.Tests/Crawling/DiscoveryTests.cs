using System.Text;
using Ingest.Crawling;
using Ingest.Crawling.Discovery;

namespace Ingest.Tests.Crawling;

public sealed class DiscoveryTests
{
    [Theory]
    [InlineData("长沙市国资委政府信息公开工作2017年度报告", true)]
    [InlineData("2023年度市国资委政务公开工作报告（文字版）", true)]
    [InlineData("深圳市国资委2019年度政府信息公开工作年度报告", true)]
    [InlineData("湖南省机关事务管理局2015年度政府信息公开年度报告", true)]
    [InlineData("2019年上海市人民政府办公厅政府信息公开工作年度报告", true)]
    [InlineData("舒兰市2016年政务信息公开年度报告", true)]
    [InlineData("宿州市人民政府2019年政府信息公开工作年度报告（图片版）", true)]
    [InlineData("《2023年度市国资委政务公开工作报告》解读", false)]
    [InlineData("图解：2022年政府信息公开工作年度报告", false)]
    [InlineData("一图读懂2021年政府信息公开工作年度报告", false)]
    [InlineData("关于做好2017年度政府信息公开年报编制工作的通知", false)]
    [InlineData("国务院办公厅政府信息与政务公开办公室关于印发政府信息公开工作年度报告格式的通知", false)]
    [InlineData("长沙市国资委2017年公开招聘中级雇员简章", false)]
    [InlineData("政府信息公开指南", false)]
    public void Report_links_are_told_from_companion_pages_and_notices(string title, bool isReport) =>
        Assert.Equal(isReport, new ReportLinkFilter(null).IsReport(title));

    [Fact]
    public void A_source_pattern_replaces_the_built_in_rule_but_not_the_exclusions()
    {
        var filter = new ReportLinkFilter("^年报[0-9]{4}$");
        Assert.True(filter.IsReport("年报2023"));
        Assert.False(filter.IsReport("2023年政府信息公开工作年度报告"));
        Assert.False(new ReportLinkFilter("年报").IsReport("年报解读"));
    }

    [Fact]
    public void Links_resolve_against_the_page_and_the_base_element_and_lose_their_fragment()
    {
        var page = ListingPage.Parse("""
            <html><head><base href="http://a.gov.cn/xxgk/"></head><body>
            <a href="nb/t1.html#top">2019年政府信息公开工作年度报告</a>
            <a href="/root.html" title="2018年政府信息公开工作年度报告">2018年政府信息公开工作年度...</a>
            <a href="javascript:void(0)">x</a><a href="mailto:a@b.cn">y</a>
            </body></html>
            """, new Uri("http://a.gov.cn/other/index.html"));

        Assert.Equal(
            [("http://a.gov.cn/xxgk/nb/t1.html", "2019年政府信息公开工作年度报告"), ("http://a.gov.cn/root.html", "2018年政府信息公开工作年度报告")],
            page.Links.Select(l => (l.Url.AbsoluteUri, l.Title)));
    }

    [Theory]
    [InlineData("http://a.gov.cn/col/ndbg/index.html", """<a href="index_1.html">下一页</a>""", "http://a.gov.cn/col/ndbg/index_1.html")]
    [InlineData("http://a.gov.cn/col/ndbg/index_1.html", """<a href="index_2.html">3</a>""", "http://a.gov.cn/col/ndbg/index_2.html")]
    [InlineData("http://a.gov.cn/col/ndbg/", """<script>createPageHTML(3, 0, "index", "shtml");</script>""", "http://a.gov.cn/col/ndbg/index_1.shtml http://a.gov.cn/col/ndbg/index_2.shtml")]
    [InlineData("http://a.gov.cn/col/col123/index.html?uid=9&pageNum=1", """<a href="?uid=9&pageNum=2">2</a>""", "http://a.gov.cn/col/col123/index.html?uid=9&pageNum=2")]
    [InlineData("http://a.gov.cn/list?page=1", """<a href="list?page=2">2</a><a href="other?page=2">x</a>""", "http://a.gov.cn/list?page=2")]
    [InlineData("http://a.gov.cn/xxgk/column-index-1.shtml", """<a href="column-index-2.shtml">2</a>""", "http://a.gov.cn/xxgk/column-index-2.shtml")]
    [InlineData("http://a.gov.cn/xxgk/index.html", """<a href="/other/index_1.html">x</a><a href="t2019_1.html">2019年报</a>""", "")]
    public void Every_pagination_style_yields_the_next_listing_pages(string pageUrl, string html, string expected)
    {
        var page = ListingPage.Parse("<html><body>" + html + "</body></html>", new Uri(pageUrl));
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), page.NextPages.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Charset_comes_from_bom_then_header_then_meta_then_sniffing()
    {
        var gbk = CodePages().GetBytes("<html><body>政府信息公开工作年度报告</body></html>");
        var gbkWithMeta = CodePages().GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>年度报告</body></html>");
        var utf8 = Encoding.UTF8.GetBytes("<html><body>政府信息公开工作年度报告</body></html>");

        Assert.Equal("UTF-8", CharsetDetector.Detect([0xEF, 0xBB, 0xBF, .. gbk], "gbk"));
        Assert.Equal("GB18030", CharsetDetector.Detect(utf8, "GBK"));
        Assert.Equal("GB18030", CharsetDetector.Detect(utf8, "gb2312"));
        Assert.Equal("UTF-8", CharsetDetector.Detect(gbkWithMeta, "utf-8"));
        Assert.Equal("GB18030", CharsetDetector.Detect(gbkWithMeta, null));
        Assert.Equal("GB18030", CharsetDetector.Detect(gbkWithMeta, "no-such-charset"));
        Assert.Equal("GB18030", CharsetDetector.Detect(CodePages().GetBytes("<meta charset=\"x-gbk\">"), null));
        Assert.Equal("GB18030", CharsetDetector.Detect(gbk, null));
        Assert.Equal("UTF-8", CharsetDetector.Detect(utf8, null));
        Assert.Equal("UTF-8", CharsetDetector.Detect("<html>ascii</html>"u8, null));
        Assert.Equal("政府信息公开工作年度报告", CharsetDetector.EncodingFor("GB18030").GetString(CodePages().GetBytes("政府信息公开工作年度报告")));
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
