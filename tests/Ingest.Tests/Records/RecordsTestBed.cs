using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Ingest.Archive;
using Ingest.Records;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Tests.Records;

/// <summary>
/// The records services on Azurite with a storage layout of their own and a scripted parser, wired
/// the way hosts wire them (AddIngestCore with configuration). Table requests are recorded so tests can
/// check what actually went over the wire.
/// </summary>
internal sealed class RecordsTestBed : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private RecordsTestBed(ServiceProvider provider, IngestStorage storage, TableRequestRecorder recorder, string connectionString)
    {
        this.provider = provider;
        Storage = storage;
        Requests = recorder;
        ConnectionString = connectionString;
    }

    public IngestStorage Storage { get; }
    public TableRequestRecorder Requests { get; }
    public string ConnectionString { get; }
    public StorageLayout Layout => Storage.Layout;
    public ParseReportHandler Handler => provider.GetRequiredService<ParseReportHandler>();
    public RawBlobWatcher Watcher => provider.GetRequiredService<RawBlobWatcher>();
    public ReportReader Reader => provider.GetRequiredService<ReportReader>();
    public ReparseRunner Reparse => provider.GetRequiredService<ReparseRunner>();
    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    public static async Task<RecordsTestBed> CreateAsync(
        ScriptedParser parser, StorageLayout? layout = null, string? connectionString = null, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        connectionString ??= await AzuriteHarness.ConnectionStringAsync();
        layout ??= StorageLayout.Isolated(AzuriteHarness.UniqueName("rec"));
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Ingest:Records:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var recorder = new TableRequestRecorder();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var storage = new IngestStorage(
            new BlobServiceClient(connectionString),
            new QueueServiceClient(connectionString),
            new TableServiceClient(connectionString, tableOptions),
            layout);

        var services = new ServiceCollection();
        services.AddSingleton(storage);
        services.AddSingleton(parser.Release);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddIngestCore(configuration, layout);
        var bed = new RecordsTestBed(services.BuildServiceProvider(), storage, recorder, connectionString);
        await storage.EnsureRecordsTablesAsync(CancellationToken.None);
        return bed;
    }

    /// <summary>Archives a raw capture as the crawler does: bytes plus CaptureMetadata as blob metadata.</summary>
    public async Task PutRawAsync(string blobName, CaptureMetadata capture, string body = "<html>报告</html>")
    {
        var blob = Storage.RawContainer.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(body), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = capture.ToBlobMetadata() });
    }

    public async Task<List<TableEntity>> EntitiesAsync(string table, string partitionKey)
    {
        var client = Storage.Table(table);
        var list = new List<TableEntity>();
        await foreach (var entity in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")))
        {
            list.Add(entity);
        }

        return list;
    }

    /// <summary>Every entity of a test table (a scan: only for asserting on a test's own small tables).</summary>
    public async Task<List<TableEntity>> AllEntitiesAsync(string table)
    {
        var list = new List<TableEntity>();
        await foreach (var entity in Storage.Table(table).QueryAsync<TableEntity>())
        {
            list.Add(entity);
        }

        return list;
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
