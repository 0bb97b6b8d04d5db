using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
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

namespace Ingest.Tests.Lookup;

/// <summary>
/// A real Kestrel on 127.0.0.1 (a free port) serving <c>MapLookupApi</c>, wired as hosts wire it:
/// <c>AddIngestCore</c> with configuration, storage on Azurite. The storage clients carry a recorder of
/// the table filters sent, and the parser is scripted so the write side can be fed sample records.
/// </summary>
internal sealed class LookupHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private LookupHost(WebApplication app, Uri address, TableFilterRecorder filters)
    {
        this.app = app;
        Address = address;
        Filters = filters;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public TableFilterRecorder Filters { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<LookupHost> StartAsync(
        string connectionString, StorageLayout layout, IReadOnlyDictionary<string, string?> settings, ParserRelease parser)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { [StorageConnection.SettingName] = connectionString });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();

        var filters = new TableFilterRecorder();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(filters, HttpPipelinePosition.PerCall);
        builder.Services.AddSingleton(new IngestStorage(
            new BlobServiceClient(connectionString),
            new QueueServiceClient(connectionString),
            new TableServiceClient(connectionString, tableOptions),
            layout));
        builder.Services.AddSingleton(parser);
        builder.Services.AddIngestCore(builder.Configuration, layout);

        var app = builder.Build();
        app.MapLookupApi();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LookupHost(app, new Uri(address), filters);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
