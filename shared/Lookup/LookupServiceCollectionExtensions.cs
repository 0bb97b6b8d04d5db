using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Lookup;

public static class LookupServiceCollectionExtensions
{
    /// <summary>
    /// Registers the lookup area: <see cref="LookupOptions"/> from <see cref="LookupOptions.Section"/>,
    /// validated at start. The read side (<c>ReportReader</c>) comes from the records area.
    /// </summary>
    public static IServiceCollection AddIngestLookup(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LookupOptions>()
            .Bind(configuration.GetSection(LookupOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
