using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Lookup;

public static class LookupServiceCollectionExtensions
{
    /// <summary>Registers the lookup area's services and options.</summary>
    public static IServiceCollection AddIngestLookup(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
