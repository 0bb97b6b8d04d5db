using Ingest.Functions.Cli;

namespace Ingest.Tests.Foundation;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_every_registered_verb_and_succeeds()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Verbs:", output, StringComparison.Ordinal);
        foreach (var verb in VerbCatalog.All)
        {
            Assert.Contains(verb.Name, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error_on_stderr()
    {
        var (code, output, error) = await RunAsync("frobnicate");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains("Unknown verb 'frobnicate'", error, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliConsole(output, error), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
