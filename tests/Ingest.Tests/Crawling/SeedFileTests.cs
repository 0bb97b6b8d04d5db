using Ingest.Crawling;

namespace Ingest.Tests.Crawling;

public sealed class SeedFileTests
{
    [Fact]
    public void A_valid_file_reads_every_field_and_applies_defaults()
    {
        var seeds = SeedFile.Parse("""
            { "sources": [
              { "id": "cs-gzw", "agency": "长沙市国资委", "region": "湖南省长沙市",
                "listingUrls": ["http://gzw.changsha.gov.cn/zfxxgk/ndbg/"], "linkPattern": "年度报告",
                "maxListingPages": 3, "maxReports": 10, "note": "check" },
              { "id": "sz_gzw", "agency": "深圳市国资委", "listingUrls": ["https://gzw.sz.gov.cn/a/", "https://gzw.sz.gov.cn/b/"], "enabled": false }
            ] }
            """, "inline");

        Assert.Equal(2, seeds.Sources.Count);
        var first = seeds.Sources[0];
        Assert.Equal("长沙市国资委", first.Agency);
        Assert.Equal("湖南省长沙市", first.Region);
        Assert.Equal(new Uri("http://gzw.changsha.gov.cn/zfxxgk/ndbg/"), Assert.Single(first.ListingUrls));
        Assert.Equal(3, first.MaxListingPages);
        Assert.Equal(10, first.MaxReports);
        Assert.True(first.Enabled);
        var second = seeds.Sources[1];
        Assert.Equal(5, second.MaxListingPages);
        Assert.Equal(50, second.MaxReports);
        Assert.False(second.Enabled);
        Assert.Same(second, seeds.Find("SZ_GZW"));
    }

    [Theory]
    [InlineData("""{ "sources": [ { "agency": "甲", "listingUrls": ["http://a.gov.cn/"] } ] }""", "sources[0]", "\"id\" is required")]
    [InlineData("""{ "sources": [ { "id": "bad id!", "agency": "甲", "listingUrls": ["http://a.gov.cn/"] } ] }""", "sources[0]", "\"id\" is required")]
    [InlineData("""{ "sources": [ { "id": "a", "listingUrls": ["http://a.gov.cn/"] } ] }""", "id \"a\"", "\"agency\" is required")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": " ", "listingUrls": ["http://a.gov.cn/"] } ] }""", "id \"a\"", "\"agency\" is required")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲" } ] }""", "id \"a\"", "\"listingUrls\" is required")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": [] } ] }""", "id \"a\"", "\"listingUrls\" is required")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["/relative/"] } ] }""", "listingUrls[0]", "absolute http or https URL")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["ftp://a.gov.cn/"] } ] }""", "listingUrls[0]", "absolute http or https URL")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["http://user:pw@a.gov.cn/"] } ] }""", "listingUrls[0]", "user info")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["http://a.gov.cn/"], "linkPattern": "(" } ] }""", "id \"a\"", "\"linkPattern\" is not a valid regular expression")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["http://a.gov.cn/"], "maxListingPages": 0 } ] }""", "id \"a\"", "\"maxListingPages\" must be a whole number from 1 to 100")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["http://a.gov.cn/"], "maxReports": 5000 } ] }""", "id \"a\"", "\"maxReports\" must be a whole number from 1 to 1000")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["http://a.gov.cn/"], "listingUrl": "x" } ] }""", "id \"a\"", "unknown property \"listingUrl\"")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["http://a.gov.cn/"], "enabled": "yes" } ] }""", "id \"a\"", "\"enabled\" must be true or false")]
    [InlineData("""{ "sources": [ { "id": "a", "agency": "甲", "listingUrls": ["http://a.gov.cn/"] }, { "id": "A", "agency": "乙", "listingUrls": ["http://b.gov.cn/"] } ] }""", "sources[1]", "id must be unique")]
    [InlineData("""{ "sources": [] }""", "seeds.json", "at least one source")]
    [InlineData("""[ 1, 2 ]""", "seeds.json", "\"sources\" array")]
    [InlineData("""{ "sources": [ """, "seeds.json", "not valid JSON")]
    public void An_invalid_entry_is_rejected_with_a_message_naming_the_entry_and_the_rule(string json, string entry, string rule)
    {
        var error = Assert.Throws<SeedFileException>(() => SeedFile.Parse(json, "seeds.json"));
        Assert.StartsWith("seeds.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(entry, error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_missing_file_is_a_seed_file_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-seeds-" + Guid.NewGuid().ToString("N") + ".json");
        var error = Assert.Throws<SeedFileException>(() => SeedFile.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_sample_seeds_file_is_valid_and_its_placeholders_are_disabled()
    {
        var seeds = SeedFile.Load(Path.Combine(RepositoryRoot(), "seeds.sample.json"));

        Assert.Contains(seeds.Sources, s => s.Agency.Contains("长沙市", StringComparison.Ordinal) && s.Enabled);
        Assert.Contains(seeds.Sources, s => s.Agency.Contains("深圳市", StringComparison.Ordinal));
        Assert.Contains(seeds.Sources, s => s.Agency.Contains("衡阳", StringComparison.Ordinal));
        Assert.Contains(seeds.Sources, s => s.Agency.Contains("湖南省机关事务管理局", StringComparison.Ordinal));
        Assert.All(seeds.Sources.Where(s => s.ListingUrls.Any(u => u.Host.EndsWith(".example", StringComparison.Ordinal))), s => Assert.False(s.Enabled));
        Assert.All(seeds.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Note)));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ingest.sln not found above the test output.");
    }
}
