using Ingest.Functions.Cli;

namespace Ingest.Tests.Functions;

public sealed class HostingVerbTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliConsole(output, error), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("run")]
    [InlineData("handler")]
    public void The_hosting_verbs_are_registered(string name) => Assert.NotNull(VerbCatalog.Find(name));

    [Theory]
    [InlineData("demo", "--port", "seventy")]
    [InlineData("demo", "--ports", "7071")]
    [InlineData("run", "--once")]
    [InlineData("handler", "--port", "7071")]
    public async Task Unknown_or_malformed_options_are_usage_errors_on_stderr(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task The_handler_verb_outside_a_Functions_host_says_what_is_missing()
    {
        Assert.Null(Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT"));

        var (code, _, error) = await RunAsync("handler");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("FUNCTIONS_CUSTOMHANDLER_PORT is not set", error, StringComparison.Ordinal);
        Assert.Contains("'run' verb", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_help_documents_the_once_summary()
    {
        var (code, output, _) = await RunAsync("demo", "--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("--once", output, StringComparison.Ordinal);
        Assert.Contains("pagesFetched, blobsWritten, reportsParsed, quarantined, parseFailures", output, StringComparison.Ordinal);
    }
}
