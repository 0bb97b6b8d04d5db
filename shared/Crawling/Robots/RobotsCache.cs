using System.Collections.Concurrent;
using Ingest.Crawling.Http;
using Microsoft.Extensions.Options;

namespace Ingest.Crawling.Robots;

/// <summary>
/// robots.txt per host (scheme + authority), fetched through the polite client and kept at most
/// <see cref="CrawlerOptions.RobotsCacheHours"/> (≤ 24 h, RFC 9309 §2.4); an unreachable result is kept
/// one hour at most so a recovered server is asked again soon. Its Crawl-delay, capped, becomes the
/// host's gap in the <see cref="PolitenessGate"/>.
/// </summary>
public sealed class RobotsCache(PageFetcher fetcher, PolitenessGate gate, IOptions<CrawlerOptions> options, TimeProvider time)
{
    private static readonly TimeSpan UnreachableLifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RobotsPolicy> GetAsync(Uri url, FetchScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = url.GetLeftPart(UriPartial.Authority);
        if (entries.TryGetValue(key, out var cached) && cached.ExpiresAt > time.GetUtcNow())
        {
            return cached.Policy;
        }

        var policy = await FetchAsync(new Uri(new Uri(key), "/robots.txt"), scope, cancellationToken);
        var settings = options.Value;
        var lifetime = policy.Access == RobotsAccess.Unreachable && UnreachableLifetime < settings.RobotsCacheLifetime
            ? UnreachableLifetime
            : settings.RobotsCacheLifetime;
        entries[key] = new Entry(policy, time.GetUtcNow() + lifetime);
        if (policy.CrawlDelay is { } delay)
        {
            gate.SetDelay(url.Authority, delay < settings.MaxCrawlDelay ? delay : settings.MaxCrawlDelay);
        }

        return policy;
    }

    private async Task<RobotsPolicy> FetchAsync(Uri robotsUrl, FetchScope scope, CancellationToken cancellationToken)
    {
        // RFC 9309 §2.3.1.2 asks for at least five redirects to be followed; the client follows MaxRedirects (default 5).
        using var result = await fetcher.FetchAsync(robotsUrl, scope, validators: null, cancellationToken);
        if (result.Status == FetchStatus.Ok && result.Body is { } body)
        {
            await using var stream = body.OpenRead();
            var limit = (int)Math.Min(body.Length, options.Value.RobotsMaxBytes);
            var bytes = new byte[limit];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return RobotsParser.Parse(bytes, options.Value.UserAgentProduct);
        }

        if (result.FailureKind == FailureClassifier.TooLarge)
        {
            // Larger than the body cap: nothing usable was kept; treat as a server problem, not as permission.
            return RobotsPolicy.DisallowAll("robots.txt larger than the body cap");
        }

        // 4xx other than 429: "unavailable", crawl everything (§2.3.1.3); 429, 5xx, network, refusals: "unreachable" (§2.3.1.4).
        return result.HttpStatus is >= 400 and < 500 and not 429 && result.FailureKind is FailureClassifier.Http4xx
            ? RobotsPolicy.AllowAll($"robots.txt answered HTTP {result.HttpStatus}")
            : RobotsPolicy.DisallowAll($"robots.txt unreachable: {result.FailureKind} {result.FailureReason}".Trim());
    }

    private sealed record Entry(RobotsPolicy Policy, DateTimeOffset ExpiresAt);
}
