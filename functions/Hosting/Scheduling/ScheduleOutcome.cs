namespace Ingest.Functions.Hosting.Scheduling;

public enum ScheduleOutcomeKind
{
    /// <summary>The night's requests were put on the crawl queue.</summary>
    Enqueued,

    /// <summary>The night's marker exists: an earlier fire (or another instance) already enqueued it.</summary>
    AlreadyScheduled,

    /// <summary>Another instance holds the schedule lease right now.</summary>
    Busy,
}

/// <summary>What one schedule fire did.</summary>
public sealed record ScheduleOutcome(ScheduleOutcomeKind Kind, DateOnly Night, int Enqueued = 0);
