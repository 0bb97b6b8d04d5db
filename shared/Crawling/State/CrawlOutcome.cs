namespace Ingest.Crawling.State;

/// <summary>How a URL's last visit ended. Every URL the crawler touches ends in exactly one of these.</summary>
public enum CrawlOutcome
{
    /// <summary>New content was received (and, for a report page, archived).</summary>
    Fetched,

    /// <summary>304, or the same bytes as last time: nothing written.</summary>
    Unchanged,

    /// <summary>robots.txt does not allow us this URL (or robots.txt was unreachable).</summary>
    RobotsDenied,

    /// <summary>The fetch failed; <see cref="CrawlState.FailureKind"/> says how.</summary>
    Failed,
}
