using Ingest.Crawling;
using Ingest.Functions.Hosting;
using Ingest.Functions.Hosting.Core;
using Ingest.Functions.Hosting.Standalone;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ingest.Tests.Functions;

/// <summary>The standalone app's services over the test Azurite (not started as a web host unless asked).</summary>
public static class StandaloneHost
{
    public static async Task<WebApplication> CreateAsync(StorageLayout layout, ICrawlEngine engine, SeedFile seeds, IDictionary<string, string?>? settings = null, CapturedLogs? logs = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await AzuriteHarness.ConnectionStringAsync(),
            ["Ingest:Crawler:ContactUrl"] = "https://ingest.example/contact",
            ["CRAWL_SCHEDULE"] = "0 0 2 * * *",
            ["Ingest:Host:Port"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return StandaloneApp.Create(new AppSettings
        {
            Configuration = configuration,
            Layout = layout,
            Services = services =>
            {
                services.Replace(ServiceDescriptor.Singleton(engine));
                services.Replace(ServiceDescriptor.Singleton(SeedCatalog.Fixed(seeds)));
            },
            Logging = logging =>
            {
                logging.ClearProviders();
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            },
        }, background: false);
    }
}
