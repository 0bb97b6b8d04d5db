namespace Ingest.Records;

/// <summary>
/// The standalone twin of the blob trigger: finds raw blobs without a receipt for the current parser
/// version and hands them to <see cref="ParseReportHandler"/> (at-least-once, poison after N tries).
/// </summary>
public sealed class RawBlobWatcher
{
    /// <summary>Handles every pending blob once; returns how many were handled.</summary>
    public Task<int> DrainAsync(CancellationToken cancellationToken) =>
        throw new NotImplementedException("The records area fills this in.");

    /// <summary>Drains repeatedly until cancelled.</summary>
    public Task RunAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        throw new NotImplementedException("The records area fills this in.");
}
