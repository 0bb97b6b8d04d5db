using Ingest.Crawling;
using Ingest.Lookup;
using Ingest.Records;
using Ingest.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest;

/// <summary>
/// Composition of the core library. Hosts (the custom handler, the standalone runner, the CLI, tests)
/// call this once; each area registers its own services in its own extension method.
/// </summary>
public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddIngestCore(this IServiceCollection services, IConfiguration configuration, StorageLayout? layout = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageConnection.FromConfiguration(configuration, layout));
        services.AddIngestCrawling(configuration);
        services.AddIngestRecords(configuration);
        services.AddIngestLookup(configuration);
        return services;
    }
}
