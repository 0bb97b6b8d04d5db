using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Foundation;

public sealed class AzuriteHarnessTests
{
    [Fact]
    public async Task A_blob_written_through_the_SDK_reads_back_byte_exact()
    {
        var blobs = await AzuriteHarness.BlobsAsync();
        var container = blobs.GetBlobContainerClient(AzuriteHarness.UniqueName("blobs"));
        await container.CreateAsync();
        byte[] bytes = [0xC4, 0xEA, 0xB6, 0xC8, 0x00, 0xFF];

        await container.GetBlobClient("a/b.html").UploadAsync(new BinaryData(bytes));
        var read = await container.GetBlobClient("a/b.html").DownloadContentAsync();

        Assert.Equal(bytes, read.Value.Content.ToArray());
    }

    [Fact]
    public async Task A_table_entity_upserted_twice_is_one_entity_with_the_last_values()
    {
        var tables = await AzuriteHarness.TablesAsync();
        var table = tables.GetTableClient(AzuriteHarness.UniqueName("entities"));
        await table.CreateAsync();

        await table.UpsertEntityAsync(new TableEntity("2023", "report-1") { ["Agency"] = "市国资委", ["Count"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("2023", "report-1") { ["Agency"] = "长沙市国资委", ["Count"] = 2 });

        var all = table.QueryAsync<TableEntity>(e => e.PartitionKey == "2023");
        var entities = new List<TableEntity>();
        await foreach (var entity in all)
        {
            entities.Add(entity);
        }

        var only = Assert.Single(entities);
        Assert.Equal("长沙市国资委", only.GetString("Agency"));
        Assert.Equal(2, only.GetInt32("Count"));
    }

    [Fact]
    public async Task A_queue_message_is_received_once_and_gone_after_delete()
    {
        var queues = await AzuriteHarness.QueuesAsync();
        var queue = queues.GetQueueClient(AzuriteHarness.UniqueName("messages"));
        await queue.CreateAsync();

        await queue.SendMessageAsync("""{"host":"www.changsha.gov.cn"}""");
        var received = (await queue.ReceiveMessagesAsync(maxMessages: 5)).Value;
        var message = Assert.Single(received);
        Assert.Equal("""{"host":"www.changsha.gov.cn"}""", message.MessageText);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        var properties = await queue.GetPropertiesAsync();
        Assert.Equal(0, properties.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Disposing_a_harness_process_stops_the_emulator_and_frees_its_ports()
    {
        // A second, private emulator: the shared one must keep serving the other tests.
        var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { InMemory = true });
        var port = azurite.BlobPort;
        var pid = azurite.ProcessId;
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("alive");
        await container.CreateAsync();

        await azurite.DisposeAsync();

        Assert.True(azurite.HasExited);
        Assert.False(IsRunning(pid));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task The_watchdog_stops_the_emulator_when_its_owner_process_dies()
    {
        // Start launch.js owned by a short-lived child process instead of this test process, then kill
        // the owner: the emulator must go away on its own, as it does for a killed test run.
        var tool = AzuriteTool.Locate();
        await AzuriteTool.EnsureInstalledAsync(tool, null, CancellationToken.None);
        using var owner = System.Diagnostics.Process.Start("sleep", "60");
        var startInfo = new System.Diagnostics.ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(tool, "launch.js"), owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var launcher = System.Diagnostics.Process.Start(startInfo)!;
        using var startDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await launcher.StandardOutput.ReadLineAsync(startDeadline.Token);
        while (line is not null && !line.Contains("Table service is successfully listening", StringComparison.Ordinal))
        {
            line = await launcher.StandardOutput.ReadLineAsync(startDeadline.Token);
        }

        Assert.NotNull(line);
        owner.Kill();
        var stopped = launcher.WaitForExitAsync();
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(launcher.HasExited);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
