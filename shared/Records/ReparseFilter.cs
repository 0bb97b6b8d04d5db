namespace Ingest.Records;

/// <summary>
/// Which archived blobs a reparse replays. <see cref="Since"/> and <see cref="Region"/> select by the
/// capture's metadata before parsing; <see cref="Agency"/> and <see cref="Year"/> by what the current
/// parser reads from the page (a blob whose record does not match is left as it is).
/// </summary>
public sealed record ReparseFilter
{
    public string? Agency { get; init; }
    public int? Year { get; init; }
    public string? Region { get; init; }

    /// <summary>Only captures fetched at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Re-handle blobs even when the current parser version already has a receipt for them.</summary>
    public bool Force { get; init; }
}
