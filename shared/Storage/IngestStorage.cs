using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Ingest.Storage;

/// <summary>
/// The storage account as Ingest sees it: the three service clients and the names in use.
/// Queue messages are base64-encoded because the Functions queue trigger expects that by default
/// (host.json <c>extensions.queues.messageEncoding</c>).
/// </summary>
public sealed class IngestStorage
{
    public IngestStorage(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, StorageLayout layout)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
        Layout = layout;
    }

    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }
    public StorageLayout Layout { get; }

    public BlobContainerClient RawContainer => Blobs.GetBlobContainerClient(Layout.RawContainer);
    public BlobContainerClient LeaseContainer => Blobs.GetBlobContainerClient(Layout.LeaseContainer);
    public QueueClient CrawlQueue => Queues.GetQueueClient(Layout.CrawlQueue);
    public QueueClient CrawlPoisonQueue => Queues.GetQueueClient(Layout.CrawlPoisonQueue);
    public TableClient Table(string name) => Tables.GetTableClient(name);

    public static IngestStorage FromConnectionString(string connectionString, StorageLayout? layout = null) => new(
        new BlobServiceClient(connectionString),
        new QueueServiceClient(connectionString, QueueOptions()),
        new TableServiceClient(connectionString),
        layout ?? new StorageLayout());

    /// <summary>Identity-based access (managed identity in Azure), as the Functions host's <c>__serviceUri</c> settings describe it.</summary>
    public static IngestStorage FromServiceUris(Uri blobService, Uri queueService, Uri tableService, TokenCredential credential, StorageLayout? layout = null) => new(
        new BlobServiceClient(blobService, credential),
        new QueueServiceClient(queueService, credential, QueueOptions()),
        new TableServiceClient(tableService, credential),
        layout ?? new StorageLayout());

    /// <summary>Creates the containers and queues the crawl needs; areas create their own tables.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await RawContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await LeaseContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await CrawlQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await CrawlPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Tables.CreateTableIfNotExistsAsync(Layout.CrawlStateTable, cancellationToken);
    }

    private static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };
}
