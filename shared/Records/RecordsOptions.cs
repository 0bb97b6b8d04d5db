using System.ComponentModel.DataAnnotations;

namespace Ingest.Records;

/// <summary>Settings of the records area (environment: <c>Ingest__Records__MaxAttempts</c> …).</summary>
public sealed class RecordsOptions
{
    public const string Section = "Ingest:Records";

    /// <summary>Failed handlings of one blob + ETag + parser version before it is poisoned (the Functions host retries a blob trigger 5 times).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Parallel table writes per report (derived index entities live in many partitions).</summary>
    [Range(1, 64)]
    public int WriteConcurrency { get; set; } = 8;

    /// <summary>Blobs one watcher (or the reparse verb) handles at once.</summary>
    [Range(1, 64)]
    public int WatcherConcurrency { get; set; } = 2;

    /// <summary>How long a watcher's claim on a blob lasts; a crashed watcher's claims expire after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a handler waits for another writer of the same report to finish.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReportLockWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Pause between a watcher's retry passes over blobs that failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
