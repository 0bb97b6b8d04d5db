using System.Net;
using Ingest.Functions.Demo;

namespace Ingest.Tests.Functions;

/// <summary>The demo's sample site behaves like the government sites it stands in for.</summary>
public sealed class SampleSiteTests
{
    private static byte[] Resource(string path)
    {
        using var stream = typeof(SampleSite).Assembly.GetManifestResourceStream("site/" + path)
            ?? throw new InvalidOperationException($"site/{path} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public async Task Each_agency_is_its_own_loopback_host_and_serves_robots_txt()
    {
        await using var site = await SampleSite.StartAsync(DemoSeeds.HostCount, CancellationToken.None);
        using var client = new HttpClient();

        Assert.Equal(DemoSeeds.HostCount, site.Hosts.Select(h => h.Authority).Distinct(StringComparer.Ordinal).Count());
        foreach (var host in site.Hosts)
        {
            Assert.Equal("127.0.0.1", host.Host);
            Assert.Contains("Disallow: /changsha/gzw/drafts/", await client.GetStringAsync(new Uri(host, "robots.txt")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_GBK_report_is_served_byte_exact_without_a_charset_header()
    {
        await using var site = await SampleSite.StartAsync(1, CancellationToken.None);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(site.Hosts[0], "changsha/gzw/ndbg/t20180129_2017.html"));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(Resource("changsha/gzw/ndbg/t20180129_2017.html"), bytes);
        Assert.Null(response.Content.Headers.ContentType?.CharSet);
        var text = ParseReportInvocationTests.Gbk("长沙市国资委政府信息公开工作2017年度报告");
        Assert.True(bytes.AsSpan().IndexOf(text) >= 0, "The page is not GBK-encoded.");
    }

    [Fact]
    public async Task A_conditional_request_with_the_pages_ETag_gets_304_and_is_counted()
    {
        await using var site = await SampleSite.StartAsync(1, CancellationToken.None);
        using var client = new HttpClient();
        var url = new Uri(site.Hosts[0], "shenzhen/gzw/ndbg/t20200320_2019.html");
        using var first = await client.GetAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var third = await client.SendAsync(byDate);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, third.StatusCode);
        Assert.Equal(2, site.NotModified);
    }

    [Fact]
    public async Task The_listing_paginates_and_links_reports_an_excluded_interpretation_a_robots_denied_draft_and_a_broken_page()
    {
        await using var site = await SampleSite.StartAsync(1, CancellationToken.None);
        using var client = new HttpClient();

        var first = await client.GetStringAsync(new Uri(site.Hosts[0], "changsha/gzw/ndbg/index.html"));
        var second = await client.GetStringAsync(new Uri(site.Hosts[0], "changsha/gzw/ndbg/index_1.html"));
        using var missing = await client.GetAsync(new Uri(site.Hosts[0], "changsha/gzw/ndbg/t20240116_2023_jd.html"));

        Assert.Contains("<a href=\"index_1.html\">下一页</a>", first, StringComparison.Ordinal);
        Assert.Contains("解读", first, StringComparison.Ordinal);
        Assert.Contains("../drafts/", first, StringComparison.Ordinal);
        Assert.Contains("t20230130_2022.html", second, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void The_demo_seeds_point_every_agency_at_its_own_host()
    {
        var hosts = Enumerable.Range(0, DemoSeeds.HostCount).Select(i => new Uri($"http://127.0.0.1:{40000 + i}/")).ToList();

        var seeds = DemoSeeds.For(hosts);

        Assert.Equal(hosts.Select(h => h.Authority), seeds.Sources.Select(s => s.ListingUrls[0].Authority));
        Assert.Equal(seeds.Sources.Count, seeds.Sources.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
