using System.Net;
using System.Net.Sockets;
using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Records;
using Ingest.Storage;

namespace Ingest.Tests.Records;

public sealed class StorageRestartTests
{
    [Fact]
    public async Task Azurite_restarted_mid_drain_loses_nothing_and_duplicates_nothing()
    {
        var data = Directory.CreateTempSubdirectory("ingest-records-restart-").FullName;
        var options = new AzuriteOptions
        {
            BlobPort = FreePort(),
            QueuePort = FreePort(),
            TablePort = FreePort(),
            InMemory = false,
            DataDirectory = data,
            StartTimeout = TimeSpan.FromSeconds(60),
        };
        var azurite = await AzuriteProcess.StartAsync(options);
        try
        {
            var parser = new ScriptedParser();
            var settings = new Dictionary<string, string?> { ["Ingest:Records:WatcherConcurrency"] = "1", ["Ingest:Records:MaxAttempts"] = "3" };
            await using var bed = await RecordsTestBed.CreateAsync(parser, StorageLayout.Isolated("restart"), azurite.ConnectionString, settings);
            const int blobs = 8;
            await RawBlobWatcherTests.ArchiveAsync(bed, parser, blobs);
            // Azurite saves its on-disk metadata every few seconds; let the archive reach the disk, so
            // the test is about the pipeline's writes, not the crawler's.
            await Task.Delay(TimeSpan.FromSeconds(6));

            var midway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var resume = new ManualResetEventSlim();
            parser.OnParse = _ =>
            {
                if (parser.TotalCalls == 4)
                {
                    midway.TrySetResult();
                    resume.Wait(TimeSpan.FromSeconds(60));
                }
            };

            var drain = bed.Watcher.DrainAsync(CancellationToken.None);
            await midway.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await azurite.DisposeAsync();
            resume.Set();
            try
            {
                await drain;
            }
            catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException)
            {
                // Storage went away under the drain; the next drain (RunAsync's next poll) picks up.
            }

            azurite = await AzuriteProcess.StartAsync(options);
            parser.OnParse = null;
            await bed.Watcher.DrainAsync(CancellationToken.None);

            var reports = await bed.Reader.ListReportsAsync(new ReportQuery { Year = 2016, PageSize = 100 }, CancellationToken.None);
            Assert.Equal(blobs, reports.Items.Count);
            Assert.Equal(blobs, reports.Items.Select(r => r.ReportId).Distinct().Count());
            Assert.All(Enumerable.Range(0, blobs), i => Assert.True(parser.Calls(RawBlobWatcherTests.BlobName(i)) >= 1));
            var receipts = await bed.EntitiesAsync(bed.Layout.ParseReceiptsTable, "vtest-1");
            Assert.Equal(blobs, receipts.Count);
            Assert.All(receipts, r => Assert.Equal("written", r.GetString("State")));
            Assert.Empty((await bed.Reader.ListFailuresAsync(FailureKind.Poison, 10, null, CancellationToken.None)).Items);
            Assert.Equal(0, await bed.Watcher.DrainAsync(CancellationToken.None));
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
