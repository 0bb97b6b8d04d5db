using Ingest.Crawling;

namespace Ingest.Functions.Demo;

/// <summary>The demo's sources: the agencies of the sample site, each on its own host.</summary>
public static class DemoSeeds
{
    /// <summary>Agencies and their listing pages on the sample site, one host each (in this order).</summary>
    private static readonly (string Id, string Agency, string? Region, string Listing)[] Agencies =
    [
        ("changsha-gzw", "长沙市国资委", "湖南省长沙市", "changsha/gzw/ndbg/index.html"),
        ("shenzhen-gzw", "深圳市国资委", "广东省深圳市", "shenzhen/gzw/ndbg/index.html"),
        ("hunan-jgswj", "湖南省机关事务管理局", "湖南省", "hunan/jgswj/ndbg/index.html"),
        ("gxq", "高新区管委会", null, "gxq/ndbg/index.html"),
        ("shanghai-bgt", "上海市人民政府办公厅", "上海市", "shanghai/bgt/ndbg/index.html"),
        ("nalati-zf", "那拉提镇人民政府", "新疆维吾尔自治区伊犁哈萨克自治州新源县", "xinjiang/nlt/xxgknb/index.html"),
    ];

    public static int HostCount => Agencies.Length;

    public static SeedFile For(IReadOnlyList<Uri> hosts) =>
        new([.. Agencies.Select((agency, i) => new SeedSource
        {
            Id = agency.Id,
            Agency = agency.Agency,
            Region = agency.Region,
            ListingUrls = [new Uri(hosts[i], agency.Listing)],
        })]);
}
