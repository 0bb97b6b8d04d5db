namespace Ingest.Crawling;

/// <summary>The configured sources (seeds file, JSON). Loading validates every entry.</summary>
public sealed record SeedFile(IReadOnlyList<SeedSource> Sources)
{
    /// <summary>Reads and validates a seeds file; throws <see cref="SeedFileException"/> naming the entry and rule.</summary>
    public static SeedFile Load(string path) =>
        throw new NotImplementedException("The crawler area fills this in.");
}
