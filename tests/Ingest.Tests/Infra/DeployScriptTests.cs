using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Infra;

/// <summary>
/// infra/deploy.sh parses and starts. It cannot run here (no Azure CLI, no Azure access); these checks
/// stop short of the first az call.
/// </summary>
public sealed class DeployScriptTests
{
    private static string Script => RepositoryFiles.PathOf("infra", "deploy.sh");

    [Fact]
    public async Task Script_is_valid_bash()
    {
        var run = await ToolRun.RunAsync("bash", ["-n", Script], RepositoryFiles.Root);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Script_is_executable()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The infra checks run on Linux.");
        }

        Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(Script) & UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task Help_prints_usage_and_succeeds()
    {
        var run = await ToolRun.RunAsync("bash", [Script, "--help"], RepositoryFiles.Root);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--resource-group", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_resource_group_is_an_error_before_anything_runs()
    {
        var run = await ToolRun.RunAsync("bash", [Script, "--skip-code"], RepositoryFiles.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--resource-group is required", run.Error, StringComparison.Ordinal);
    }
}
