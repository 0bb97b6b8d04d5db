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
