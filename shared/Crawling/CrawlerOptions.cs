using System.ComponentModel.DataAnnotations;

namespace Ingest.Crawling;

/// <summary>
/// Crawler settings, section <c>Ingest:Crawler</c> (environment: <c>Ingest__Crawler__MinDelaySeconds</c> …).
/// Defaults sit at the archival-crawler end (Heritrix, Nutch): one request at a time per host, seconds apart.
/// </summary>
public sealed class CrawlerOptions : IValidatableObject
{
    public const string Section = "Ingest:Crawler";

    /// <summary>The product token in the User-Agent and the robots.txt group we obey (letters, '_' and '-').</summary>
    [Required]
    [RegularExpression("^[A-Za-z_-]{1,40}$")]
    public string UserAgentProduct { get; set; } = "IngestBot";

    /// <summary>Where a site owner learns who crawls them and how to reach us; required, absolute http(s).</summary>
    [Required]
    public string ContactUrl { get; set; } = "";

    /// <summary>Minimum gap between the end of one request to a host and the start of the next.</summary>
    [Range(0.0, 3600.0)]
    public double MinDelaySeconds { get; set; } = 3;

    /// <summary>Largest robots.txt Crawl-delay honoured; larger values are capped to this.</summary>
    [Range(0.0, 3600.0)]
    public double MaxCrawlDelaySeconds { get; set; } = 60;

    /// <summary>Retries after the first attempt, for transient failures only (network, 408, 429, 5xx).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff; doubles per retry, with ±20 % jitter.</summary>
    [Range(0.0, 600.0)]
    public double RetryBaseDelaySeconds { get; set; } = 2;

    /// <summary>A Retry-After longer than this is not waited for: the URL fails for this run.</summary>
    [Range(0.0, 3600.0)]
    public double MaxRetryAfterSeconds { get; set; } = 120;

    /// <summary>One attempt: connect, headers and the whole body.</summary>
    [Range(0.01, 3600.0)]
    public double AttemptTimeoutSeconds { get; set; } = 30;

    /// <summary>One URL including retries and politeness waits.</summary>
    [Range(0.01, 86400.0)]
    public double OverallTimeoutSeconds { get; set; } = 300;

    /// <summary>Bodies larger than this are not archived (outcome too_large); at most this much is read.</summary>
    [Range(1024L, 1L << 32)]
    public long MaxBodyBytes { get; set; } = 10L * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Consecutive failed attempts to one host that open its circuit.</summary>
    [Range(1, 1000)]
    public int CircuitBreakerFailures { get; set; } = 5;

    [Range(0.01, 86400.0)]
    public double CircuitBreakSeconds { get; set; } = 300;

    /// <summary>How long a fetched robots.txt is used (RFC 9309 §2.4: not more than 24 hours).</summary>
    [Range(0.0, 24.0)]
    public double RobotsCacheHours { get; set; } = 24;

    /// <summary>How much of a robots.txt is parsed (RFC 9309 §2.5: at least 500 KiB).</summary>
    [Range(500 * 1024, 16 * 1024 * 1024)]
    public int RobotsMaxBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// Lets every source reach private, link-local and loopback addresses (a demo site on this machine).
    /// Off in production: sources on public hosts must never be steered into the internal network.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    public TimeSpan MinDelay => TimeSpan.FromSeconds(MinDelaySeconds);
    public TimeSpan MaxCrawlDelay => TimeSpan.FromSeconds(MaxCrawlDelaySeconds);
    public TimeSpan RetryBaseDelay => TimeSpan.FromSeconds(RetryBaseDelaySeconds);
    public TimeSpan MaxRetryAfter => TimeSpan.FromSeconds(MaxRetryAfterSeconds);
    public TimeSpan AttemptTimeout => TimeSpan.FromSeconds(AttemptTimeoutSeconds);
    public TimeSpan OverallTimeout => TimeSpan.FromSeconds(OverallTimeoutSeconds);
    public TimeSpan CircuitBreak => TimeSpan.FromSeconds(CircuitBreakSeconds);
    public TimeSpan RobotsCacheLifetime => TimeSpan.FromHours(RobotsCacheHours);

    /// <summary>e.g. <c>IngestBot/1.0 (+https://example.org/ingest/crawler)</c>.</summary>
    public string UserAgent => $"{UserAgentProduct}/{CrawlerVersion.Number} (+{ContactUrl})";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ContactUrl, UriKind.Absolute, out var contact) ||
            (contact.Scheme != Uri.UriSchemeHttp && contact.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(ContactUrl)} must be an absolute http(s) URL where site owners can reach the operator.",
                [nameof(ContactUrl)]);
        }

        if (OverallTimeoutSeconds < AttemptTimeoutSeconds)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(OverallTimeoutSeconds)} must be at least {nameof(AttemptTimeoutSeconds)}.",
                [nameof(OverallTimeoutSeconds)]);
        }
    }
}
