namespace Ingest.Crawling;

/// <summary>Turns the seeds into the night's work: one <see cref="CrawlRequest"/> per host.</summary>
public static class CrawlPlanner
{
    /// <summary>
    /// Groups the enabled sources by the hosts (authorities) of their listing URLs. A source with listing
    /// pages on two hosts appears in both requests; each request crawls only that host's listing pages.
    /// The order is stable (by host) so that a re-run plans the same messages.
    /// </summary>
    public static IReadOnlyList<CrawlRequest> Plan(SeedFile seeds, DateOnly night)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var byHost = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var source in seeds.Sources.Where(s => s.Enabled))
        {
            foreach (var host in source.ListingUrls.Select(u => u.Authority.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                if (!byHost.TryGetValue(host, out var ids))
                {
                    ids = [];
                    byHost[host] = ids;
                }

                ids.Add(source.Id);
            }
        }

        return byHost.Select(pair => new CrawlRequest(pair.Key, pair.Value, night)).ToList();
    }
}
