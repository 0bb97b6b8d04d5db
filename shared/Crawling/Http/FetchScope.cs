namespace Ingest.Crawling.Http;

/// <summary>Where a fetch may go: the source's hosts (redirects included) and whether loopback is in reach.</summary>
/// <param name="Hosts">Lower-case authorities (host[:port]) of the source's listing URLs.</param>
/// <param name="LocalSource">The source itself is on this machine (tests, the demo): loopback is permitted.</param>
public sealed record FetchScope(IReadOnlySet<string> Hosts, bool LocalSource)
{
    public static FetchScope For(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FetchScope(source.Hosts, source.ListingUrls.All(u => AddressPolicy.IsLocalHost(u.Host)));
    }

    /// <summary>True for the source's hosts, also when they differ only by a leading "www." (a common redirect).</summary>
    public bool Contains(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var authority = url.Authority.ToLowerInvariant();
        return Hosts.Contains(authority) || Hosts.Contains(WithoutWww(authority)) || Hosts.Any(h => WithoutWww(h) == authority);
    }

    private static string WithoutWww(string authority) =>
        authority.StartsWith("www.", StringComparison.Ordinal) ? authority[4..] : authority;
}
