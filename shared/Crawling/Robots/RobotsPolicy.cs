namespace Ingest.Crawling.Robots;

/// <summary>What robots.txt allows us on one host: the merged rules of the group(s) for our product token.</summary>
public sealed class RobotsPolicy
{
    private readonly IReadOnlyList<RobotsRule> rules;

    internal RobotsPolicy(RobotsAccess access, IReadOnlyList<RobotsRule> rules, TimeSpan? crawlDelay, string? reason = null)
    {
        Access = access;
        this.rules = rules;
        CrawlDelay = crawlDelay;
        Reason = reason;
    }

    public RobotsAccess Access { get; }

    /// <summary>The Crawl-delay of the applicable group (not part of RFC 9309, widely honoured).</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Why the file could not be used (status or error), for unavailable/unreachable policies.</summary>
    public string? Reason { get; }

    public static RobotsPolicy AllowAll(string reason) => new(RobotsAccess.Unavailable, [], null, reason);

    public static RobotsPolicy DisallowAll(string reason) => new(RobotsAccess.Unreachable, [], null, reason);

    public bool IsAllowed(Uri url) => IsAllowed(url.PathAndQuery);

    /// <summary>Longest match wins; an allow and a disallow of equal length resolve to allow (RFC 9309 §2.2.2).</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (string.IsNullOrEmpty(pathAndQuery))
        {
            pathAndQuery = "/";
        }

        // The robots.txt resource itself is always allowed (§2.2.2).
        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }

        if (Access == RobotsAccess.Unreachable)
        {
            return false;
        }

        var path = RobotsPathPattern.Normalize(pathAndQuery);
        var allow = -1;
        var disallow = -1;
        foreach (var rule in rules)
        {
            if (!rule.Pattern.Matches(path))
            {
                continue;
            }

            if (rule.Allow)
            {
                allow = Math.Max(allow, rule.Pattern.Length);
            }
            else
            {
                disallow = Math.Max(disallow, rule.Pattern.Length);
            }
        }

        return disallow < 0 || allow >= disallow;
    }
}
