using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest.Records;

public static class RecordsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the records area: options from <see cref="RecordsOptions.Section"/> (validated at start),
    /// the parser release (the real parser unless one is registered already), the handler, the watcher,
    /// the reparse runner and the read side. <c>IngestStorage</c> comes from <c>AddIngestCore</c>.
    /// </summary>
    public static IServiceCollection AddIngestRecords(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RecordsOptions>()
            .Bind(configuration.GetSection(RecordsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ParserRelease.Current);
        services.TryAddSingleton<ParseReportHandler>();
        services.TryAddSingleton<RawBlobWatcher>();
        services.TryAddSingleton<ReparseRunner>();
        services.TryAddSingleton<ReportReader>();
        services.TryAddSingleton(provider => new Writing.ReceiptBook(provider.GetRequiredService<Ingest.Storage.IngestStorage>()));
        return services;
    }
}
