namespace Ingest.Crawling;

/// <summary>One entry of the seeds file: an agency's listing page(s) of annual reports.</summary>
public sealed record SeedSource
{
    /// <summary>Stable id, unique in the file (letters, digits, '-', '_').</summary>
    public required string Id { get; init; }

    public required string Agency { get; init; }
    public string? Region { get; init; }
    public required IReadOnlyList<Uri> ListingUrls { get; init; }

    /// <summary>Optional regular expression a report link's title must match (overrides the built-in patterns).</summary>
    public string? LinkPattern { get; init; }

    public int MaxListingPages { get; init; } = 5;
    public int MaxReports { get; init; } = 50;
}
