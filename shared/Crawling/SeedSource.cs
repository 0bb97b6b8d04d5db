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

    /// <summary>False for placeholders and entries waiting to be checked; the planner skips them.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Free text for people: where the URL came from, what still needs checking.</summary>
    public string? Note { get; init; }

    /// <summary>Hosts (authorities) of the listing URLs: the only hosts this source may fetch from.</summary>
    public IReadOnlySet<string> Hosts => ListingUrls.Select(u => u.Authority.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
