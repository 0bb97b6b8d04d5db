using Ingest.Archive;
using Ingest.Crawling.Http;
using Ingest.Crawling.Robots;
using Ingest.Crawling.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Crawling;

public static class CrawlingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the crawling area: <see cref="CrawlerOptions"/> (section <c>Ingest:Crawler</c>, validated on
    /// first use), the named HttpClient <see cref="CrawlerHttp.ClientName"/> with its Polly policies and handlers,
    /// the politeness gate, robots cache, crawl-state store, capture archive and <see cref="HostCrawler"/>.
    /// <see cref="Storage.IngestStorage"/> must be registered too (AddIngestCore does it).
    /// To reach a demo site on this machine set <c>Ingest:Crawler:AllowPrivateAddresses</c>, or replace the
    /// primary handler: <c>services.AddHttpClient(CrawlerHttp.ClientName).ConfigurePrimaryHttpMessageHandler(…)</c>.
    /// </summary>
    public static IServiceCollection AddIngestCrawling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CrawlerOptions>()
            .Bind(configuration.GetSection(CrawlerOptions.Section))
            .ValidateDataAnnotations();

        // Validated when a crawl first needs the options, not at start: this library cannot know whether
        // its host crawls (the lookup API alone needs no contact URL). Hosts that crawl add ValidateOnStart.

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PolitenessGate>();
        services.TryAddSingleton<FetchPolicies>();
        services.TryAddSingleton<PageFetcher>();
        services.TryAddSingleton<RobotsCache>();
        services.TryAddSingleton<CrawlStateStore>();
        services.TryAddSingleton<CaptureArchive>();
        services.TryAddSingleton<HostCrawler>();
        services.TryAddTransient<PolitenessHandler>();
        services.TryAddTransient<BodyCapHandler>();

        services.AddHttpClient(CrawlerHttp.ClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<CrawlerOptions>>().Value;
                client.Timeout = Timeout.InfiniteTimeSpan; // the policies own every timeout
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
                client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => CrawlerHttp.CreatePrimaryHandler(provider.GetRequiredService<IOptions<CrawlerOptions>>().Value))
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<FetchPolicies>().Overall)
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<FetchPolicies>().Retry)
            .AddPolicyHandler((provider, request) => provider.GetRequiredService<FetchPolicies>().BreakerFor(request.RequestUri!.Authority))
            .AddHttpMessageHandler<PolitenessHandler>()
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<FetchPolicies>().Attempt)
            .AddHttpMessageHandler<BodyCapHandler>();
        return services;
    }
}
