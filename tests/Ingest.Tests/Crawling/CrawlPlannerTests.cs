using Ingest.Crawling;

namespace Ingest.Tests.Crawling;

public sealed class CrawlPlannerTests
{
    [Fact]
    public void Plans_one_request_per_host_grouping_sources_and_skipping_disabled_ones()
    {
        var seeds = SeedFile.Parse("""
            { "sources": [
              { "id": "b", "agency": "乙", "listingUrls": ["http://www.hunan.gov.cn/x/", "http://WWW.HUNAN.GOV.CN/y/"] },
              { "id": "a", "agency": "甲", "listingUrls": ["http://www.hunan.gov.cn/z/", "http://gzw.sz.gov.cn/list/"] },
              { "id": "off", "agency": "丙", "listingUrls": ["http://placeholder.example/"], "enabled": false },
              { "id": "port", "agency": "丁", "listingUrls": ["http://127.0.0.1:8080/list/"] }
            ] }
            """, "inline");
        var night = new DateOnly(2026, 3, 1);

        var plan = CrawlPlanner.Plan(seeds, night);

        Assert.Equal(["127.0.0.1:8080", "gzw.sz.gov.cn", "www.hunan.gov.cn"], plan.Select(r => r.Host));
        Assert.Equal(["b", "a"], plan.Single(r => r.Host == "www.hunan.gov.cn").SourceIds);
        Assert.Equal(["a"], plan.Single(r => r.Host == "gzw.sz.gov.cn").SourceIds);
        Assert.All(plan, r => Assert.Equal(night, r.Night));
        Assert.DoesNotContain(plan, r => r.SourceIds.Contains("off"));
    }
}
