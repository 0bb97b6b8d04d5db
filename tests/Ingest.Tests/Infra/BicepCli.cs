using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Infra;

/// <summary>
/// The real Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package. Each distinct command runs
/// once per test run and its outcome is shared, so parallel test classes don't start a compiler each.
/// </summary>
internal static class BicepCli
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ToolRun>>> Runs = new();
    private static readonly Lazy<string> Executable = new(Locate);

    public static string InfraDirectory => RepositoryFiles.PathOf("infra");

    /// <summary><c>bicep build FILE --stdout</c>: the ARM template, or the compiler's complaints.</summary>
    public static Task<ToolRun> BuildAsync(string file) => RunOnceAsync("build", file, "--stdout");

    /// <summary><c>bicep build-params FILE --stdout</c>.</summary>
    public static Task<ToolRun> BuildParamsAsync(string file) => RunOnceAsync("build-params", file, "--stdout");

    /// <summary>
    /// <c>bicep lint --pattern **/*.bicep</c> in infra/: every compiler and linter diagnostic of every
    /// file, one line each (warnings included; the exit code stays 0 for warnings).
    /// </summary>
    public static Task<ToolRun> LintAllAsync() => RunOnceAsync(LintAllArguments);

    /// <summary>The same lint in another directory (not cached): the planted-warning check uses it.</summary>
    public static Task<ToolRun> LintAllInAsync(string directory) => ToolRun.RunAsync(Executable.Value, LintAllArguments, directory);

    private static string[] LintAllArguments => ["lint", "--pattern", "**/*.bicep"];

    /// <summary>The ARM JSON of an infra/ template; fails the caller when it does not compile.</summary>
    public static async Task<JsonObject> TemplateAsync(string file)
    {
        var run = await BuildAsync(file);
        Assert.True(run.ExitCode == 0, $"bicep build {file} failed: {run}");
        return JsonNode.Parse(run.Output)!.AsObject();
    }

    private static Task<ToolRun> RunOnceAsync(params string[] arguments) =>
        Runs.GetOrAdd(string.Join('\u001f', arguments), _ => new Lazy<Task<ToolRun>>(
            () => ToolRun.RunAsync(Executable.Value, arguments, InfraDirectory))).Value;

    private static string Locate()
    {
        var path = RepositoryFiles.BicepCli;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "The Bicep CLI is missing: restore tests/Ingest.Tests (it downloads Azure.Bicep.CommandLine.linux-x64).", path);
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The infra checks use the linux-x64 Bicep CLI.");
        }

        // NuGet extracts files without their Unix modes on some setups; the binary must be executable.
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}
