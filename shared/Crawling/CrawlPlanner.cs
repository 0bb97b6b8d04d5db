namespace Ingest.Crawling;

/// <summary>Turns the seeds into the night's work: one <see cref="CrawlRequest"/> per host.</summary>
public static class CrawlPlanner
{
    public static IReadOnlyList<CrawlRequest> Plan(SeedFile seeds, DateOnly night) =>
        throw new NotImplementedException("The crawler area fills this in.");
}
