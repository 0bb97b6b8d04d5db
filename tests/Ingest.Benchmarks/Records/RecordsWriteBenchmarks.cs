using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ingest.Archive;
using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Parsing;
using Ingest.Records;
using Ingest.Records.Storage;
using Ingest.Records.Writing;
using Ingest.Storage;
using Ingest.Tests.Records;
using Microsoft.Extensions.Options;

namespace Ingest.Benchmarks.Records;

/// <summary>
/// Entities written per second by the ParseReport handler for gb2021-shaped reports (420
/// entities each: cells, checks, warnings, record, index and figure entities), against a raw upsert
/// loop of exactly the same entities on the same Azurite, batched the same way (one partition's
/// entities in transactions of 100, everything else as single upserts, 8 requests in flight). The handler's
/// extra work (blob read, receipt, lock, stale-entity diff, agency summary) is what the ratio prices.
/// Each invocation re-handles every report (forced, as a reparse does), so it measures updates in place.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class RecordsWriteBenchmarks
{
    private const int Reports = 6;
    private const int Concurrency = 8;
    private AzuriteProcess? azurite;
    private IngestStorage? storage;
    private ParseReportHandler? handler;
    private readonly List<string> blobs = [];
    private readonly List<(List<TableEntity> Partition, List<DerivedEntity> Derived)> entities = [];

    /// <summary>Entities per invocation; BenchmarkDotNet divides by this, so Mean is time per entity.</summary>
    public const int EntitiesPerInvoke = 2520;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => azurite?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = EntitiesPerInvoke)]
    public async Task RawUpsertLoop()
    {
        var reportsTable = storage!.Table(storage.Layout.ReportsTable);
        var indexTable = storage.Table(storage.Layout.ReportIndexTable);
        var figuresTable = storage.Table(storage.Layout.FiguresTable);
        foreach (var (partition, derived) in entities)
        {
            // The same entities, the same transactions and the same parallelism as the handler, with
            // nothing else: no blob read, receipt, lock, existing-entity read or summary.
            var work = partition.Chunk(100).Select(chunk => (reportsTable, Batch: chunk))
                .Concat(derived.Select(d => (d.Table == DerivedTable.Index ? indexTable : figuresTable, Batch: new[] { d.Entity })));
            await Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
                async (item, token) =>
                {
                    if (item.Batch.Length == 1)
                    {
                        await item.Item1.UpsertEntityAsync(item.Batch[0], TableUpdateMode.Replace, token);
                    }
                    else
                    {
                        await item.Item1.SubmitTransactionAsync(item.Batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token);
                    }
                });
        }
    }

    [Benchmark(OperationsPerInvoke = EntitiesPerInvoke)]
    public async Task ParseReportHandler()
    {
        foreach (var blob in blobs)
        {
            var result = await handler!.HandleAsync(blob, null, filter: null, force: true, CancellationToken.None);
            if (result?.Outcome != ParseOutcomeKind.Written)
            {
                throw new InvalidOperationException($"{blob}: {result?.Outcome} {result?.Reason}");
            }
        }
    }

    private async Task SetupAsync()
    {
        azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { InMemory = true, StartTimeout = TimeSpan.FromSeconds(60) });
        storage = IngestStorage.FromConnectionString(azurite.ConnectionString, StorageLayout.Isolated("bench"));
        await storage.EnsureRecordsTablesAsync(CancellationToken.None);

        var records = new Dictionary<string, ReportRecord>(StringComparer.Ordinal);
        var fetched = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var total = 0;
        for (var i = 0; i < Reports; i++)
        {
            var name = $"www.example.gov.cn/2024/report-{i:D3}.html";
            var record = RecordSamples.Gb2021($"长沙市第{i}局", 2023, version: "bench-1", seed: 0) with { Source = name };
            var capture = new CaptureMetadata
            {
                SourceUrl = "http://" + name,
                FinalUrl = "http://" + name,
                FetchedAt = fetched,
                HttpStatus = 200,
                ContentType = "text/html; charset=gb2312",
                Sha256 = new string('a', 64),
                CrawlerVersion = "bench",
                Region = "湖南省长沙市",
            };
            await storage.RawContainer.GetBlobClient(name).UploadAsync(
                BinaryData.FromString("<html>报告</html>"), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = capture.ToBlobMetadata() });
            records[name] = record;
            blobs.Add(name);

            var etag = KeyEncoding.ETagText((await storage.RawContainer.GetBlobClient(name).GetPropertiesAsync()).Value.ETag);
            var draft = new ReportDraft(ReportIdentity.For(record.Agency!, 2023, record.Scope), IndexKeys.AgencyRow(record.Agency!), capture.Region, record, capture, name, etag, fetched);
            var built = await ReportEntities.BuildAsync(draft, new RecordText(storage), CancellationToken.None);
            entities.Add(([.. built.Rows, built.Header], built.Derived));
            total += built.Rows.Count + 1 + built.Derived.Count;
        }

        if (total != EntitiesPerInvoke)
        {
            throw new InvalidOperationException($"EntitiesPerInvoke must be {total}.");
        }

        var release = new ParserRelease("bench-1", input => records[input.Source]);
        var options = Options.Create(new RecordsOptions { WriteConcurrency = Concurrency });
        handler = new ParseReportHandler(storage, release, options, TimeProvider.System);
        // First write outside the measurement, so both methods measure updates of existing entities.
        await ParseReportHandler();
    }
}
