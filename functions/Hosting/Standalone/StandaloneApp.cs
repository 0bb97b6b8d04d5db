using System.Net;
using Ingest.Functions.Api;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Functions.Hosting.Telemetry;
using Microsoft.Extensions.Logging.Console;

namespace Ingest.Functions.Hosting.Standalone;

/// <summary>
/// The function app without a Functions host: the same services and <c>/api</c>, plus the schedule, the
/// crawl-queue consumer and the raw-blob watcher the host's triggers would otherwise provide.
/// Logs go to stderr so stdout stays for data.
/// </summary>
public static class StandaloneApp
{
    /// <param name="settings">Overrides and replacements on top of the environment.</param>
    /// <param name="background">Run the schedule, queue consumer and blob watcher (false: serve /api only).</param>
    public static WebApplication Create(AppSettings settings, bool background)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddInMemoryCollection(settings.Configuration);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddSimpleConsole(format =>
        {
            format.SingleLine = true;
            format.TimestampFormat = "HH:mm:ss ";
        });
        settings.Logging?.Invoke(builder.Logging);

        var section = builder.Configuration.GetSection(IngestHostOptions.Section);
        var port = section.GetValue<int?>(nameof(IngestHostOptions.Port)) ?? new IngestHostOptions().Port;
        var anyAddress = section.GetValue<bool>(nameof(IngestHostOptions.ListenAnyAddress));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(anyAddress ? IPAddress.Any : IPAddress.Loopback, port));

        builder.Services.AddProblemDetails();
        builder.Services.AddFunctionApp(builder.Configuration, settings.Layout);
        builder.Services.AddSingleton<CrawlQueueConsumer>();
        builder.Services.AddSingleton<NightlySchedule>();
        if (background)
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<NightlySchedule>());
            builder.Services.AddHostedService<CrawlQueueService>();
            builder.Services.AddHostedService<BlobWatcherService>();
        }

        settings.Services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseApiMetrics();
        app.MapLookupApi();
        return app;
    }

    /// <summary>The address Kestrel actually bound (port 0 picks a free one).</summary>
    public static Uri Address(WebApplication app)
    {
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
