using Azure.Storage.Blobs.Models;
using Ingest.Lookup;
using Ingest.Records;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Tests.Lookup;

/// <summary>
/// One storage layout holding <see cref="SampleReports"/>, written through the real ParseReportHandler,
/// and three hosts over it: open (no key), keyed for every caller, and keyed with loopback exempt.
/// </summary>
public sealed class LookupApiFixture : IAsyncLifetime
{
    public const string Key = "lookup-test-key-0123456789abcdef";

    private readonly Dictionary<string, string> reportIds = new(StringComparer.Ordinal);

    internal LookupHost Open { get; private set; } = null!;
    internal LookupHost Keyed { get; private set; } = null!;
    internal LookupHost LoopbackExempt { get; private set; } = null!;

    /// <summary>Report id by raw blob name.</summary>
    public string IdOf(string blobName) => reportIds[blobName];

    public async Task InitializeAsync()
    {
        var connectionString = await AzuriteHarness.ConnectionStringAsync();
        var layout = StorageLayout.Isolated(AzuriteHarness.UniqueName("lookup"));
        var records = SampleReports.All.ToDictionary(r => r.BlobName, r => r.Record, StringComparer.Ordinal);
        var parser = new ParserRelease(SampleReports.ParserVersion, input => records[input.Source]);

        Open = await LookupHost.StartAsync(connectionString, layout, new Dictionary<string, string?>(), parser);
        Keyed = await LookupHost.StartAsync(connectionString, layout, new Dictionary<string, string?>
        {
            [$"{LookupOptions.Section}:ApiKey"] = Key,
            [$"{LookupOptions.Section}:RequireKeyOnLoopback"] = "true",
        }, parser);
        LoopbackExempt = await LookupHost.StartAsync(connectionString, layout, new Dictionary<string, string?>
        {
            [$"{LookupOptions.Section}:ApiKey"] = Key,
        }, parser);

        var storage = Open.Services.GetRequiredService<IngestStorage>();
        await storage.EnsureRecordsTablesAsync(CancellationToken.None);
        var handler = Open.Services.GetRequiredService<ParseReportHandler>();
        foreach (var sample in SampleReports.All)
        {
            var capture = SampleReports.WithHash(sample.Capture, sample.Content);
            await storage.RawContainer.GetBlobClient(sample.BlobName).UploadAsync(
                new BinaryData(sample.Content),
                new BlobUploadOptions { Metadata = capture.ToBlobMetadata(), HttpHeaders = new BlobHttpHeaders { ContentType = capture.ContentType } });
            var outcome = await handler.HandleAsync(sample.BlobName, null, CancellationToken.None);
            if (outcome.Outcome != ParseOutcomeKind.Written || outcome.ReportId is null)
            {
                throw new InvalidOperationException($"Seeding {sample.BlobName}: {outcome}");
            }

            reportIds[sample.BlobName] = outcome.ReportId;
        }
    }

    public async Task DisposeAsync()
    {
        await Open.DisposeAsync();
        await Keyed.DisposeAsync();
        await LoopbackExempt.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LookupApiCollection : ICollectionFixture<LookupApiFixture>
{
    public const string Name = "Lookup API";
}
