using System.Net;
using System.Net.Sockets;
using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Functions.Hosting.Standalone;
using Ingest.Storage;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Functions;

public sealed class StandaloneStartupTests
{
    [Fact]
    public async Task Bad_settings_are_all_reported_by_their_environment_names_before_anything_starts()
    {
        await using var app = await StandaloneHost.CreateAsync(
            StorageLayout.Isolated(AzuriteHarness.UniqueName("start")), new RecordingCrawlEngine(), RecordingCrawlEngine.Seeds("http://a.example.gov.cn/"),
            new Dictionary<string, string?>
            {
                ["CRAWL_SCHEDULE"] = "0 2 * * *",
                ["Ingest:Host:RetryDelaySeconds"] = "-1",
                ["Ingest:Host:SeedsPath"] = "/nonexistent/seeds.json",
            });

        var problems = StartupCheck.Problems(app, seedsFileRequired: true);

        Assert.Contains(problems, p => p.Contains("CRAWL_SCHEDULE='0 2 * * *'", StringComparison.Ordinal) && p.Contains("6 NCRONTAB fields", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Ingest__Host__RetryDelaySeconds=-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_seeds_file_and_missing_storage_are_reported()
    {
        await using var app = await StandaloneHost.CreateAsync(
            StorageLayout.Isolated(AzuriteHarness.UniqueName("start")), new RecordingCrawlEngine(), RecordingCrawlEngine.Seeds("http://a.example.gov.cn/"),
            new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "", ["Ingest:Host:SeedsPath"] = "/nonexistent/seeds.json" });

        var problems = StartupCheck.Problems(app, seedsFileRequired: true);

        Assert.Contains(problems, p => p.Contains("/nonexistent/seeds.json does not exist", StringComparison.Ordinal) && p.Contains("Ingest__Host__SeedsPath", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Storage: No storage configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Good_settings_report_no_problem()
    {
        await using var app = await StandaloneHost.CreateAsync(
            StorageLayout.Isolated(AzuriteHarness.UniqueName("start")), new RecordingCrawlEngine(), RecordingCrawlEngine.Seeds("http://a.example.gov.cn/"));

        Assert.Empty(StartupCheck.Problems(app));
    }

    [Fact]
    public async Task Development_storage_starts_Azurite_when_nothing_answers_and_reuses_it_when_it_does()
    {
        int[] ports = [FreePort(), FreePort(), FreePort()];
        var data = Path.Combine(Path.GetTempPath(), "ingest-devstorage-" + Guid.NewGuid().ToString("N"));
        var options = AzuriteOptions.DevelopmentStorage(data) with { BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2], StartTimeout = TimeSpan.FromSeconds(60) };
        var log = new List<string>();
        try
        {
            await using var started = await DevelopmentStorage.EnsureAsync(options, log.Add, CancellationToken.None);
            var again = await DevelopmentStorage.EnsureAsync(options, log.Add, CancellationToken.None);

            Assert.NotNull(started);
            Assert.Null(again);
            Assert.Contains(log, l => l.StartsWith("Nothing answers on 127.0.0.1:", StringComparison.Ordinal) && l.Contains("starting Azurite", StringComparison.Ordinal));
            Assert.Contains(log, l => l.StartsWith("Using the storage emulator already listening", StringComparison.Ordinal));
            Assert.True(Directory.Exists(data), "Azurite's data folder was not created.");
            var blobs = new Azure.Storage.Blobs.BlobServiceClient(AzuriteProcess.ConnectionStringFor(ports[0], ports[1], ports[2]));
            await blobs.GetBlobContainerClient("probe").CreateIfNotExistsAsync();
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Development_storage_refuses_a_half_occupied_port_range()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var options = AzuriteOptions.DevelopmentStorage(Path.GetTempPath()) with
        {
            BlobPort = ((IPEndPoint)occupied.LocalEndpoint).Port,
            QueuePort = FreePort(),
            TablePort = FreePort(),
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => DevelopmentStorage.EnsureAsync(options, _ => { }, CancellationToken.None));

        Assert.Contains("only port(s)", failure.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
