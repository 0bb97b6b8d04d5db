using Ingest.Crawling;
using Ingest.Functions.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Hosting.Core;

/// <summary>
/// The seeds file named by <see cref="IngestHostOptions.SeedsPath"/>, read on first use (never before the
/// handler listens) and again whenever the file changes.
/// </summary>
public sealed class SeedFileCatalog(IOptions<IngestHostOptions> options) : SeedCatalog
{
    private readonly Lock gate = new();
    private (DateTime WrittenAt, SeedFile Seeds)? loaded;

    public override SeedFile Current()
    {
        var path = options.Value.ResolvedSeedsPath();
        var writtenAt = File.GetLastWriteTimeUtc(path);
        lock (gate)
        {
            if (loaded is { } cached && cached.WrittenAt == writtenAt)
            {
                return cached.Seeds;
            }

            if (!File.Exists(path))
            {
                throw new SeedFileException($"The seeds file {path} does not exist (set {IngestHostOptions.EnvironmentName(nameof(IngestHostOptions.SeedsPath))}).");
            }

            var seeds = SeedFile.Load(path);
            loaded = (writtenAt, seeds);
            return seeds;
        }
    }
}
