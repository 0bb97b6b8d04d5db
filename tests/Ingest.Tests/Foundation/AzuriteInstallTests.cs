using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Tests.Infrastructure;

namespace Ingest.Tests.Foundation;

/// <summary>
/// On a fresh clone many tests start Azurite at once, and each finds it not yet installed. <c>npm ci</c>
/// deletes node_modules before it installs, so concurrent installs break each other (a CI run once lost
/// 214 tests to ENOTEMPTY/ENOENT from exactly that). The install must run once, whoever asks.
/// </summary>
public sealed class AzuriteInstallTests : IDisposable
{
    private readonly string _tool = Directory.CreateTempSubdirectory("ingest-azurite-install-").FullName;

    [Fact]
    public async Task Many_callers_at_once_get_one_install_and_all_find_the_emulator()
    {
        // A stand-in for the pinned package: a local dependency with Azurite's entry point, and a
        // postinstall script that appends a line per install. npm installs it offline in a second.
        var package = Path.Combine(_tool, "fake-azurite");
        Directory.CreateDirectory(Path.Combine(package, "dist", "src"));
        await File.WriteAllTextAsync(Path.Combine(package, "package.json"), """{ "name": "azurite", "version": "0.0.0-test" }""");
        await File.WriteAllTextAsync(Path.Combine(package, "dist", "src", "azurite.js"), "// entry point\n");
        await File.WriteAllTextAsync(Path.Combine(_tool, "launch.js"), "// launcher\n");
        await File.WriteAllTextAsync(Path.Combine(_tool, "package.json"), """
            {
              "name": "install-test",
              "private": true,
              "dependencies": { "azurite": "file:./fake-azurite" },
              "scripts": { "postinstall": "node -e \"require('fs').appendFileSync('installs.log', 'install\\n')\"" }
            }
            """);
        await RunAsync("npm", "install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error");

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => AzuriteTool.EnsureInstalledAsync(_tool, null, CancellationToken.None)));
        await Task.WhenAll(callers);

        Assert.True(File.Exists(AzuriteTool.EntryPoint(_tool)), "the entry point is installed");
        Assert.Equal(["install"], await File.ReadAllLinesAsync(Path.Combine(_tool, "installs.log")));

        // Installed now: a later caller does not install again.
        await AzuriteTool.EnsureInstalledAsync(_tool, null, CancellationToken.None);
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(_tool, "installs.log")));
    }

    public void Dispose() => Directory.Delete(_tool, recursive: true);

    private async Task RunAsync(string file, params string[] arguments)
    {
        var run = await ToolRun.RunAsync(file, arguments, _tool);
        Assert.True(run.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed: {run}");
    }
}
