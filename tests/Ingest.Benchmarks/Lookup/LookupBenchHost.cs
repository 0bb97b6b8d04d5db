using System.Net;
using Ingest.Functions.Api;
using Ingest.Records;
using Ingest.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Benchmarks.Lookup;

/// <summary>The Lookup API on a real Kestrel (127.0.0.1, free port), wired as hosts wire it.</summary>
internal sealed class LookupBenchHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private LookupBenchHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<LookupBenchHost> StartAsync(string connectionString, StorageLayout layout, ParserRelease parser)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [StorageConnection.SettingName] = connectionString });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(parser);
        builder.Services.AddIngestCore(builder.Configuration, layout);
        var app = builder.Build();
        app.MapLookupApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LookupBenchHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
