using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Ingest.Functions.Hosting.LocalStorage;

namespace Ingest.Tests.Infrastructure;

/// <summary>
/// One Azurite per test run, shared by every test class. It starts on first use on free loopback ports
/// with in-memory persistence and stops when the run ends: on normal exit through ProcessExit, and on a
/// cancelled or killed run through the launcher's watchdog (tools/azurite/launch.js), which stops the
/// emulator once this process is gone. Tests isolate themselves with <see cref="UniqueName"/>.
/// </summary>
public static class AzuriteHarness
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int counter;

    public static async Task<string> ConnectionStringAsync() => (await Instance.Value).ConnectionString;

    public static async Task<AzuriteProcess> ProcessAsync() => await Instance.Value;

    public static async Task<BlobServiceClient> BlobsAsync() => new(await ConnectionStringAsync());

    public static async Task<QueueServiceClient> QueuesAsync() => new(await ConnectionStringAsync());

    public static async Task<TableServiceClient> TablesAsync() => new(await ConnectionStringAsync());

    /// <summary>
    /// A name valid for a container, queue and table alike (lowercase letters and digits, starts with a
    /// letter, 3–63 chars) and unique within the run, so tests can run in parallel on one Azurite.
    /// </summary>
    public static string UniqueName(string prefix)
    {
        var clean = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }

        var suffix = $"{Environment.ProcessId % 10000}{Interlocked.Increment(ref counter)}{Random.Shared.Next(1000, 9999)}";
        var head = clean.Length + suffix.Length > 60 ? clean[..(60 - suffix.Length)] : clean;
        return head + suffix;
    }

    private static async Task<AzuriteProcess> StartAsync()
    {
        var process = await AzuriteProcess.StartAsync(new AzuriteOptions { InMemory = true, StartTimeout = TimeSpan.FromSeconds(60) });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return process;
    }
}
