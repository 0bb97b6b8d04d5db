using System.Globalization;
using Azure.Storage.Blobs.Models;
using Ingest.Archive;
using Ingest.Crawling;
using Ingest.Crawling.State;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Tests.Crawling;

/// <summary>
/// A crawler wired the way production wires it (AddIngestCrawling) over an isolated slice of the shared
/// Azurite, with test-sized delays and timeouts. Overrides go in as configuration keys under Ingest:Crawler.
/// </summary>
public sealed class CrawlerHarness : IAsyncDisposable
{
    public const double MinDelaySeconds = 0.05;

    private readonly ServiceProvider provider;

    private CrawlerHarness(ServiceProvider provider, IngestStorage storage)
    {
        this.provider = provider;
        Storage = storage;
    }

    public IngestStorage Storage { get; }
    public HostCrawler Crawler => provider.GetRequiredService<HostCrawler>();
    public CrawlStateStore States => provider.GetRequiredService<CrawlStateStore>();
    public IServiceProvider Services => provider;

    public static async Task<CrawlerHarness> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ingest:Crawler:ContactUrl"] = "https://ingest.example.org/crawler",
            ["Ingest:Crawler:MinDelaySeconds"] = MinDelaySeconds.ToString(CultureInfo.InvariantCulture),
            ["Ingest:Crawler:RetryBaseDelaySeconds"] = "0.05",
            ["Ingest:Crawler:MaxRetries"] = "2",
            // Generous on purpose: on a loaded CI machine a healthy 200 once took over a second and the 1 s
            // this used to be retried it. The timeout tests set their own short value.
            ["Ingest:Crawler:AttemptTimeoutSeconds"] = "10",
            ["Ingest:Crawler:OverallTimeoutSeconds"] = "30",
            ["Ingest:Crawler:MaxBodyBytes"] = (1024 * 1024).ToString(CultureInfo.InvariantCulture),
            ["Ingest:Crawler:MaxRetryAfterSeconds"] = "5",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings["Ingest:Crawler:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("crawl"));
        var storage = IngestStorage.FromConnectionString(await AzuriteHarness.ConnectionStringAsync(), layout);
        var services = new ServiceCollection();
        services.AddSingleton(storage);
        services.AddIngestCrawling(configuration);
        return new CrawlerHarness(services.BuildServiceProvider(validateScopes: true), storage);
    }

    public async Task<CrawlSummary> CrawlAsync(SeedFile seeds)
    {
        var summary = new CrawlSummary();
        foreach (var request in CrawlPlanner.Plan(seeds, new DateOnly(2026, 1, 1)))
        {
            summary += await Crawler.CrawlAsync(request, seeds, CancellationToken.None);
        }

        return summary;
    }

    /// <summary>Every blob in the raw container with its bytes and metadata.</summary>
    public async Task<IReadOnlyList<StoredCapture>> CapturesAsync()
    {
        var container = Storage.RawContainer;
        var list = new List<StoredCapture>();
        if (!await container.ExistsAsync())
        {
            return list;
        }

        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync();
            list.Add(new StoredCapture(item.Name, content.Value.Content.ToArray(), CaptureMetadata.FromBlobMetadata(item.Metadata)!));
        }

        return list;
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
