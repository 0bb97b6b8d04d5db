using Ingest.Functions.CrawlSource;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Functions.Hosting.Core;
using Ingest.Functions.Hosting.Scheduling;
using Ingest.Functions.Hosting.Telemetry;
using Ingest.Functions.ParseReport;
using Ingest.Functions.ScheduleCrawl;
using Ingest.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Hosting;

/// <summary>The services both hosts share: the core library, the options, and the three trigger functions.</summary>
public static class FunctionAppServices
{
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, IConfiguration configuration, StorageLayout? layout = null)
    {
        services.AddIngestCore(configuration, layout);
        services.AddOptions<IngestHostOptions>()
            .Bind(configuration.GetSection(IngestHostOptions.Section))
            .Configure(options =>
            {
                if (configuration[IngestHostOptions.ScheduleSetting] is { Length: > 0 } schedule)
                {
                    options.CrawlSchedule = schedule;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestHostOptions>, IngestHostOptionsValidation>());

        // Both hosts crawl, so a missing contact URL must stop them at start, not at 2 a.m.
        services.AddOptions<Ingest.Crawling.CrawlerOptions>().ValidateOnStart();

        services.AddIngestTelemetry(configuration);
        services.TryAddSingleton<CrawlRunLog>();
        services.TryAddSingleton<SeedCatalog, SeedFileCatalog>();
        services.TryAddSingleton<ICrawlEngine, CoreCrawlEngine>();
        services.TryAddSingleton<IReportParsing, CoreReportParsing>();
        services.TryAddSingleton<CrawlScheduler>();
        services.TryAddSingleton<ScheduleCrawlFunction>();
        services.TryAddSingleton<CrawlSourceFunction>();
        services.TryAddSingleton<ParseReportFunction>();
        return services;
    }
}
