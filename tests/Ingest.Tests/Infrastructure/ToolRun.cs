using System.Diagnostics;

namespace Ingest.Tests.Infrastructure;

/// <summary>
/// The outcome of one external tool run (dotnet, npm, bash, the Bicep CLI). Nothing here waits without
/// a deadline: a tool that never exits is killed with its children, and output is read only until a
/// short grace after the exit, because a process the tool left behind (a build server, a reused build
/// node) can inherit the output pipe and hold it open for many minutes after the tool itself is done.
/// </summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(30);

    public static async Task<ToolRun> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var limit = timeout ?? DefaultTimeout;
        var command = $"{fileName} {string.Join(' ', start.ArgumentList)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {limit}.");
        }

        try
        {
            return new ToolRun(process.ExitCode, await output.WaitAsync(OutputGrace), await error.WaitAsync(OutputGrace));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{command} exited with {process.ExitCode}, but something it started kept its output open for {OutputGrace} more.");
        }
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
