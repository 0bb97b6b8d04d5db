using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Functions.Hosting;
using Ingest.Functions.Hosting.Handler;
using Ingest.Functions.Hosting.Invocation;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Tests.Functions;

/// <summary>
/// The real custom handler (the app the handler verb runs) on a real Kestrel at 127.0.0.1:&lt;free port&gt;,
/// against the test Azurite with names of its own, posting what the Functions host posts.
/// </summary>
public sealed class HandlerServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private HandlerServer(WebApplication app, Uri address, CapturedLogs logs, StorageLayout layout)
    {
        this.app = app;
        Logs = logs;
        Layout = layout;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }
    public CapturedLogs Logs { get; }
    public StorageLayout Layout { get; }
    public IServiceProvider Services => app.Services;
    public IngestStorage Storage => app.Services.GetRequiredService<IngestStorage>();

    public static async Task<HandlerServer> StartAsync(Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("fn"));
        var configuration = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString ?? await AzuriteHarness.ConnectionStringAsync(),
            ["Ingest:Crawler:ContactUrl"] = "https://ingest.example/contact",
            ["CRAWL_SCHEDULE"] = "0 0 2 * * *",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var logs = new CapturedLogs();
        var app = HandlerApp.Create(0, new AppSettings
        {
            Configuration = configuration,
            Layout = layout,
            Services = services,
            Logging = logging => logging.AddProvider(logs),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HandlerServer(app, new Uri(address), logs, layout);
    }

    /// <summary>POSTs a payload the way the host does: <c>/{FunctionName}</c>, application/json, with its headers.</summary>
    public Task<HttpResponseMessage> InvokeAsync(string function, JsonNode payload, string? invocationId = null) =>
        InvokeAsync(function, payload.ToJsonString(), "application/json", invocationId);

    public async Task<HttpResponseMessage> InvokeAsync(string function, string body, string contentType, string? invocationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        request.Headers.Add(InvocationRequest.InvocationIdHeader, invocationId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.300.0");
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
