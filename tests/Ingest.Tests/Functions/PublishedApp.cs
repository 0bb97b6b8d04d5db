using System.Runtime.InteropServices;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Functions;

/// <summary>
/// The function app published once per test run exactly as the README documents it
/// (<c>dotnet publish functions -c Release -r &lt;rid&gt; --self-contained -o &lt;dir&gt;</c>), for this
/// machine's runtime identifier so the handler can be started. Publishing takes about a minute on a
/// 2-core machine; its own artifacts path keeps it from touching the developer's bin/obj.
/// </summary>
public static class PublishedApp
{
    /// <summary>Cold restore of the runtime packs included; a minute is usual here.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    private static readonly Lazy<Task<string>> Folder = new(PublishAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<string> FolderAsync() => Folder.Value;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ingest.sln not found above the test output folder.");
    }

    private static async Task<string> PublishAsync()
    {
        var work = Path.Combine(Path.GetTempPath(), "ingest-publish-" + Environment.ProcessId);
        var output = Path.Combine(work, "app");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        // --disable-build-servers: no compiler server or reusable build node outlives the publish holding
        // its output open (ToolRun would report that after a grace, but it need not happen at all).
        var run = await ToolRun.RunAsync(
            "dotnet",
            [
                "publish", Path.Combine(RepositoryRoot(), "functions"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                "--self-contained", "-o", output, "--artifacts-path", Path.Combine(work, "artifacts"), "-nologo", "--disable-build-servers",
            ],
            RepositoryRoot(),
            PublishTimeout);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed: {run}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Temp space; the OS cleans it eventually.
            }
        };
        return output;
    }
}
