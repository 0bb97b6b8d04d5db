namespace Ingest.Functions.Cli;

/// <summary>
/// One command of <c>dotnet run --project functions -- &lt;verb&gt;</c>. Data goes to stdout, everything
/// a person reads while it runs goes to stderr, and the exit code says whether it worked.
/// </summary>
public abstract class CliVerb
{
    public abstract string Name { get; }

    /// <summary>One line for the verb list.</summary>
    public abstract string Summary { get; }

    /// <summary>The full <c>--help</c> text: usage line, arguments, options.</summary>
    public abstract string Usage { get; }

    public abstract Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken);
}
