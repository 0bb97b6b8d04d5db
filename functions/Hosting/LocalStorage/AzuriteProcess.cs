using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ingest.Functions.Hosting.LocalStorage;

/// <summary>
/// One running Azurite emulator (blob, queue and table) on loopback. It is started through
/// tools/azurite/launch.js, a watchdog that stops the emulator when this process dies, so even a killed
/// test run leaves nothing behind. Dispose stops it at once.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's fixed development account (public, documented, not a secret).</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly List<string> output;

    private AzuriteProcess(Process process, List<string> output, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.output = output;
        ProcessId = process.Id;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public int ProcessId { get; private set; }
    public bool HasExited { get; private set; }

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var tool = AzuriteTool.Locate();
        await AzuriteTool.EnsureInstalledAsync(tool, log, cancellationToken);

        var arguments = new List<string>
        {
            AzuriteTool.Launcher(tool), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--blobHost", "127.0.0.1", "--blobPort", Port(options.BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(options.QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(options.TablePort),
            // Newer SDKs send API versions Azurite has not caught up with; the wire format is compatible.
            "--skipApiVersionCheck", "--disableTelemetry", "--loose",
        };
        if (options.InMemory)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            var data = options.DataDirectory ?? throw new ArgumentException("A data directory is needed unless InMemory is set.", nameof(options));
            Directory.CreateDirectory(data);
            arguments.AddRange(["--location", data]);
        }

        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new List<string>();
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("Azurite exited during start-up."));

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException("node was not found on PATH; install Node.js 20+ to run Azurite.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(options.StartTimeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            Kill(process);
            string captured;
            lock (output)
            {
                captured = string.Join(Environment.NewLine, output);
            }

            process.Dispose();
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new InvalidOperationException($"Azurite did not start ({e.Message}). Its output:{Environment.NewLine}{captured}", e);
        }

        return new AzuriteProcess(process, output, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    /// <summary>What Azurite printed so far (for diagnosing a failed test).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (output)
            {
                return [.. output];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Ask first: the launcher forwards SIGTERM and Azurite saves its on-disk data before exiting.
        // A kill would lose the last seconds of table writes of a persistent (demo, run) emulator.
        if (!OperatingSystem.IsWindows() && !process.HasExited && NativeSignals.Terminate(process.Id))
        {
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                // Hung on shutdown: killed below.
            }
        }

        Kill(process);
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // The watchdog stops the emulator when this process ends; nothing more to do here.
        }

        HasExited = process.HasExited;
        process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
