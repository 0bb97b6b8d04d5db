namespace Ingest.Functions.Cli;

/// <summary>The verb's view of the terminal, replaceable in tests.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error);

    /// <summary>Data: JSON Lines, CSV, summaries a script reads.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Progress, logs and errors a person reads.</summary>
    public TextWriter Error { get; } = error;
}
