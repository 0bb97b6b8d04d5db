using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Records;

public static class RecordsServiceCollectionExtensions
{
    /// <summary>Registers the records area's services and options.</summary>
    public static IServiceCollection AddIngestRecords(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
