namespace Ingest.Functions.Hosting.LocalStorage;

/// <summary>
/// Finds the repository's pinned Azurite (tools/azurite) and installs it with <c>npm ci</c> when it is
/// missing, so a fresh clone needs nothing but Node.js and npm.
/// </summary>
public static class AzuriteTool
{
    /// <summary>Overrides where the tool folder is looked for (a folder holding package.json and launch.js).</summary>
    public const string DirectoryVariable = "INGEST_AZURITE_DIR";

    /// <summary>How long <c>npm ci</c> may take: about half a minute on a fresh machine, far longer only if the registry stalls.</summary>
    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return IsToolFolder(configured)
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"{DirectoryVariable}={configured} does not hold Azurite's package.json and launch.js.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "azurite");
                if (IsToolFolder(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "Could not find tools/azurite (the pinned Azurite emulator) above the current directory. " +
            $"Run from the repository, or set {DirectoryVariable}.");
    }

    /// <summary>
    /// Runs <c>npm ci</c> in the tool folder unless Azurite is already installed there. Safe to call from
    /// many tests and processes at once: <c>npm ci</c> first deletes node_modules, so two at a time would
    /// pull the files out from under each other (and from under a running emulator). One install runs at a
    /// time, behind a lock file, and an install counts only once its completion marker is written.
    /// </summary>
    public static async Task EnsureInstalledAsync(string toolDirectory, Action<string>? log, CancellationToken cancellationToken)
    {
        if (IsInstalled(toolDirectory))
        {
            return;
        }

        await using var installLock = await AcquireInstallLockAsync(toolDirectory, cancellationToken);
        if (IsInstalled(toolDirectory))
        {
            // Another caller installed it while this one waited.
            return;
        }

        log?.Invoke($"Installing Azurite into {toolDirectory} (npm ci)...");
        await RunNpmCiAsync(toolDirectory, cancellationToken);
        await File.WriteAllTextAsync(InstalledMarker(toolDirectory), DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
    }

    private static async Task RunNpmCiAsync(string toolDirectory, CancellationToken cancellationToken)
    {
        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        using var process = new System.Diagnostics.Process
        {
            StartInfo = new System.Diagnostics.ProcessStartInfo(npm, "ci --no-audit --no-fund --loglevel=error")
            {
                WorkingDirectory = toolDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("npm was not found on PATH; install Node.js 20+ (it brings npm) to run Azurite.", e);
        }

        // A registry that stops answering would otherwise hold every caller (they wait on the lock).
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(InstallTimeout);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Half an install is no install: the marker is never written, so the next caller starts over.
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"npm ci in {toolDirectory} did not finish within {InstallTimeout.TotalMinutes:0} minutes; is the npm registry reachable?");
        }

        if (process.ExitCode != 0 || !File.Exists(EntryPoint(toolDirectory)))
        {
            throw new InvalidOperationException(
                $"npm ci in {toolDirectory} failed with exit code {process.ExitCode}:{Environment.NewLine}{await output}{await errors}");
        }
    }

    /// <summary>
    /// An exclusive handle on <c>.install.lock</c> in the tool folder (outside node_modules, which the
    /// install deletes). .NET takes an OS file lock for <see cref="FileShare.None"/>, so this excludes
    /// other threads and other processes alike; a crashed holder's lock goes with its process.
    /// </summary>
    private static async Task<FileStream> AcquireInstallLockAsync(string toolDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(toolDirectory, ".install.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Held by another install: it takes a few seconds to a minute.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static bool IsInstalled(string toolDirectory) => File.Exists(InstalledMarker(toolDirectory)) && File.Exists(EntryPoint(toolDirectory));

    /// <summary>Written after <c>npm ci</c> succeeds; inside node_modules, so a new install removes it first.</summary>
    private static string InstalledMarker(string toolDirectory) => Path.Combine(toolDirectory, "node_modules", ".ingest-installed");

    internal static string EntryPoint(string toolDirectory) =>
        Path.Combine(toolDirectory, "node_modules", "azurite", "dist", "src", "azurite.js");

    internal static string Launcher(string toolDirectory) => Path.Combine(toolDirectory, "launch.js");

    private static bool IsToolFolder(string path) =>
        File.Exists(Path.Combine(path, "package.json")) && File.Exists(Path.Combine(path, "launch.js"));
}
