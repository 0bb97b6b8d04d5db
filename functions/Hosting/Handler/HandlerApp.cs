using System.Globalization;
using System.Net;
using Ingest.Functions.Api;
using Ingest.Functions.Hosting.Configuration;
using Ingest.Functions.Hosting.Telemetry;
using Ingest.Functions.Hosting.Invocation;

namespace Ingest.Functions.Hosting.Handler;

/// <summary>
/// The custom handler: Kestrel on 127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT serving the invocation routes
/// and <c>/api</c>. Building it touches no storage and no file beyond configuration, so the port is open
/// well inside the host's 30-second start-up window; storage clients and seeds load on first use.
/// </summary>
public static class HandlerApp
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The name older hosts used.</summary>
    public const string LegacyPortVariable = "FUNCTIONS_HTTPWORKER_PORT";

    /// <summary>The port the host assigned, or null when not started by a Functions host.</summary>
    public static int? AssignedPort(Func<string, string?> environment)
    {
        var value = environment(PortVariable) ?? environment(LegacyPortVariable);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;
    }

    public static WebApplication Create(int port, AppSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings.Configuration);
        settings.Logging?.Invoke(builder.Logging);

        var maxBody = builder.Configuration.GetSection(IngestHostOptions.Section).GetValue<long?>(nameof(IngestHostOptions.MaxInvocationBodyBytes))
            ?? new IngestHostOptions().MaxInvocationBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = maxBody;
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddFunctionApp(builder.Configuration, settings.Layout);
        settings.Services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseApiMetrics();
        app.MapFunctionInvocations();
        app.MapLookupApi();
        return app;
    }
}
