namespace Ingest.Functions.Cli;

/// <summary>Dispatches the first argument to a verb; prints the verb list for --help or no arguments.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || IsHelp(args[0]) || args[0] == "help" && args.Length == 1)
        {
            PrintVerbs(console.Out);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        var name = args[0] == "help" ? args[1] : args[0];
        var verb = VerbCatalog.Find(name);
        if (verb is null)
        {
            await console.Error.WriteLineAsync($"Unknown verb '{name}'. Run with --help for the list of verbs.");
            return ExitCodes.Usage;
        }

        var rest = args.Skip(1).ToArray();
        if (args[0] == "help" || rest.Any(IsHelp))
        {
            await console.Out.WriteLineAsync(verb.Usage.TrimEnd());
            return ExitCodes.Success;
        }

        return await verb.RunAsync(rest, console, cancellationToken);
    }

    public static bool IsHelp(string argument) => argument is "--help" or "-h" or "-?";

    private static void PrintVerbs(TextWriter writer)
    {
        writer.WriteLine("Ingest: Chinese government information-disclosure annual reports as checked, comparable numbers.");
        writer.WriteLine();
        writer.WriteLine("Usage: dotnet run --project functions -- <verb> [options]");
        writer.WriteLine();
        writer.WriteLine("Verbs:");
        var width = VerbCatalog.All.Count == 0 ? 0 : VerbCatalog.All.Max(v => v.Name.Length);
        foreach (var verb in VerbCatalog.All)
        {
            writer.WriteLine($"  {verb.Name.PadRight(width)}  {verb.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("Run '<verb> --help' for a verb's options.");
    }
}
