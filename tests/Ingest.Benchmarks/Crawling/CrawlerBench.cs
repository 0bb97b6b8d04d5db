using System.Globalization;
using Ingest.Crawling;
using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Benchmarks.Crawling;

/// <summary>A crawler wired as in production over Azurite, for the benchmarks.</summary>
internal static class CrawlerBench
{
    public static async Task<AzuriteProcess> StartAzuriteAsync() =>
        await AzuriteProcess.StartAsync(new AzuriteOptions { InMemory = true, StartTimeout = TimeSpan.FromSeconds(120) });

    public static ServiceProvider Services(AzuriteProcess azurite, double minDelaySeconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingest:Crawler:ContactUrl"] = "https://ingest.example.org/crawler",
            ["Ingest:Crawler:MinDelaySeconds"] = minDelaySeconds.ToString(CultureInfo.InvariantCulture),
            ["Ingest:Crawler:MaxBodyBytes"] = (64 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(IngestStorage.FromConnectionString(azurite.ConnectionString, StorageLayout.Isolated("b" + Guid.NewGuid().ToString("N")[..12])));
        services.AddIngestCrawling(configuration);
        return services.BuildServiceProvider();
    }
}
