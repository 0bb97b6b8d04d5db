namespace Ingest.Records;

/// <summary>What handling one raw blob came to.</summary>
public enum ParseOutcomeKind
{
    /// <summary>Parsed and written (record, figures, indexes, receipt).</summary>
    Written,

    /// <summary>A receipt for this blob, ETag and parser version exists: nothing to do.</summary>
    AlreadyDone,

    /// <summary>Not a report or not parseable: recorded in the failures table with its reason.</summary>
    Quarantined,

    /// <summary>A newer capture of the same report is already recorded; this older one changes nothing.</summary>
    Superseded,

    /// <summary>Failed this time; the caller should retry (the trigger's delivery will).</summary>
    Failed,

    /// <summary>Failed too many times: recorded in the failures table, not retried.</summary>
    Poisoned,
}
