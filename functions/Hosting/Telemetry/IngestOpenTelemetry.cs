using Azure.Monitor.OpenTelemetry.Exporter;
using Ingest.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ingest.Functions.Hosting.Telemetry;

/// <summary>
/// Subscribes OpenTelemetry to the core's <see cref="IngestTelemetry"/> source and meter, ASP.NET Core
/// (requests) and HttpClient (the crawler's fetches and the storage calls: dependencies), and to the
/// app's logs with their scopes. The exporters are the only thing that differs between a laptop and
/// Azure: the console exporter when <c>Ingest:Telemetry:Console=true</c>, Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. With neither (and no <paramref name="configure"/>)
/// nothing is registered, so nothing records spans nobody reads.
/// </summary>
public static class IngestOpenTelemetry
{
    public const string ServiceName = "Ingest.Functions";

    /// <summary>
    /// The platform setting for Entra ID ingestion (<c>Authorization=AAD;ClientId=…</c>), which the Bicep
    /// deployment sets because the Application Insights resource refuses key-only ingestion.
    /// </summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <param name="configure">More exporters or sources (tests add an in-memory exporter here).</param>
    public static IServiceCollection AddIngestTelemetry(this IServiceCollection services, IConfiguration configuration, Action<OpenTelemetryBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section));
        var console = configuration.GetSection(TelemetryOptions.Section).GetValue<bool>(nameof(TelemetryOptions.Console));
        var connectionString = configuration[TelemetryOptions.ConnectionStringSetting];
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        if (!console && !azureMonitor && configure is null)
        {
            return services;
        }

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(IngestOpenTelemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing.AddSource(IngestTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IngestTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithLogging(
                logging =>
                {
                    if (console)
                    {
                        logging.AddConsoleExporter();
                    }
                },
                options =>
                {
                    // Scopes carry the identifiers (InvocationId, Host, BlobName) into customDimensions.
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                });
        if (azureMonitor)
        {
            var credential = AadCredential(configuration[AuthenticationSetting]);
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (credential is not null)
                {
                    options.Credential = credential;
                }
            });
        }

        configure?.Invoke(builder);
        return services;
    }

    private static Azure.Core.TokenCredential? AadCredential(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication) || !authentication.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var clientId = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && string.Equals(pair[0], "ClientId", StringComparison.OrdinalIgnoreCase))?[1];
        return new Azure.Identity.ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
            ? Azure.Identity.ManagedIdentityId.SystemAssigned
            : Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    /// <summary>
    /// Starts the providers in a plain service provider (the verbs have no host to start them). Dispose
    /// the provider to flush.
    /// </summary>
    public static void StartTelemetry(this IServiceProvider services)
    {
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
        _ = services.GetService<LoggerProvider>();
    }
}
