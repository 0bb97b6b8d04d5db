using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Crawling;

public static class CrawlingServiceCollectionExtensions
{
    /// <summary>Registers the crawling area's services and options.</summary>
    public static IServiceCollection AddIngestCrawling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
