namespace Ingest.Parsing;

/// <summary>What the page says about itself (spec §d).</summary>
internal sealed record PageMetadata
{
    public string? Title { get; init; }
    public string? Agency { get; init; }
    public string? AgencyAsWritten { get; init; }
    public string? AgencySource { get; init; }
    public int? Year { get; init; }
    public string? YearSource { get; init; }
    public DateOnly? PublishedAt { get; init; }
    public string? IndexNo { get; init; }
    public bool MirrorSuspect { get; init; }
    public bool Aggregate { get; init; }
    public List<string> Warnings { get; init; } = [];
}
