using System.Net;
using System.Net.Sockets;
using Ingest.Storage;

namespace Ingest.Functions.Hosting.LocalStorage;

/// <summary>
/// Makes <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c> just work on one machine: when nothing
/// answers on the emulator's ports (127.0.0.1:10000–10002) it starts Azurite there, with data under
/// <c>&lt;repo&gt;/.ingest/azurite</c>, and says so. A running emulator is used as it is.
/// </summary>
public static class DevelopmentStorage
{
    /// <returns>The Azurite this call started (dispose it to stop it), or null when none was needed.</returns>
    public static Task<AzuriteProcess?> EnsureAsync(IConfiguration configuration, Action<string> log, CancellationToken cancellationToken) =>
        StorageConnection.IsDevelopmentStorage(configuration)
            ? EnsureAsync(AzuriteOptions.DevelopmentStorage(Path.Combine(RepositoryRoot(), ".ingest", "azurite")), log, cancellationToken)
            : Task.FromResult<AzuriteProcess?>(null);

    /// <summary>The same on the ports and data folder <paramref name="options"/> names (tests use free ports).</summary>
    internal static async Task<AzuriteProcess?> EnsureAsync(AzuriteOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        int[] ports = [options.BlobPort, options.QueuePort, options.TablePort];
        var range = $"127.0.0.1:{string.Join(",", ports)}";
        var answering = new List<int>();
        foreach (var port in ports)
        {
            if (await AnswersAsync(port, cancellationToken))
            {
                answering.Add(port);
            }
        }

        if (answering.Count == ports.Length)
        {
            log($"Using the storage emulator already listening on {range}.");
            return null;
        }

        if (answering.Count > 0)
        {
            throw new InvalidOperationException(
                $"UseDevelopmentStorage=true, but only port(s) {string.Join(", ", answering)} of {range} answer. " +
                "Stop whatever holds them or start a complete Azurite (blob, queue and table).");
        }

        log($"Nothing answers on {range}; starting Azurite with data in {options.DataDirectory}.");
        var azurite = await AzuriteProcess.StartAsync(options, log, cancellationToken);
        log($"Started Azurite (pid {azurite.ProcessId}); it stops when this process ends.");
        return azurite;
    }

    /// <summary>The repository (the folder holding Ingest.sln) above the working directory or the app; else the working directory.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
