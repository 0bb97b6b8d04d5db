namespace Ingest.Functions.Hosting.LocalStorage;

/// <summary>
/// Finds the repository's pinned Azurite (tools/azurite) and installs it with <c>npm ci</c> when it is
/// missing, so a fresh clone needs nothing but Node.js and npm.
/// </summary>
public static class AzuriteTool
{
    /// <summary>Overrides where the tool folder is looked for (a folder holding package.json and launch.js).</summary>
    public const string DirectoryVariable = "INGEST_AZURITE_DIR";

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

    /// <summary>Runs <c>npm ci</c> in the tool folder unless Azurite is already installed there.</summary>
    public static async Task EnsureInstalledAsync(string toolDirectory, Action<string>? log, CancellationToken cancellationToken)
    {
        if (File.Exists(EntryPoint(toolDirectory)))
        {
            return;
        }

        log?.Invoke($"Installing Azurite into {toolDirectory} (npm ci)...");
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

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(EntryPoint(toolDirectory)))
        {
            throw new InvalidOperationException(
                $"npm ci in {toolDirectory} failed with exit code {process.ExitCode}:{Environment.NewLine}{await output}{await errors}");
        }
    }

    internal static string EntryPoint(string toolDirectory) =>
        Path.Combine(toolDirectory, "node_modules", "azurite", "dist", "src", "azurite.js");

    internal static string Launcher(string toolDirectory) => Path.Combine(toolDirectory, "launch.js");

    private static bool IsToolFolder(string path) =>
        File.Exists(Path.Combine(path, "package.json")) && File.Exists(Path.Combine(path, "launch.js"));
}
