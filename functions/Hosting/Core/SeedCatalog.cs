using Ingest.Crawling;

namespace Ingest.Functions.Hosting.Core;

/// <summary>Where the triggers get the configured sources from.</summary>
public abstract class SeedCatalog
{
    public abstract SeedFile Current();

    /// <summary>A catalog of sources built in code (the demo's, which point at a port known only at run time).</summary>
    public static SeedCatalog Fixed(SeedFile seeds) => new FixedSeedCatalog(seeds);

    private sealed class FixedSeedCatalog(SeedFile seeds) : SeedCatalog
    {
        public override SeedFile Current() => seeds;
    }
}
