using Ingest.Functions.Cli;
using Ingest.Parsing;

namespace Ingest.Tests.Parsing;

/// <summary>The report fixtures (tests/Fixtures/reports) as the test run sees them: copied byte-exact beside the tests.</summary>
internal static class ReportFixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "reports");

    /// <summary>Every input fixture (everything but the goldens), by file name.</summary>
    public static IEnumerable<string> Inputs() =>
        System.IO.Directory.EnumerateFiles(Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    /// <summary>Parses a fixture exactly as the parse verb would, with a stable source name.</summary>
    public static ReportRecord Parse(string name) => ReportParser.Parse(ParseVerb.InputFor("reports/" + name, Bytes(name)) with { Source = "reports/" + name });

    public static string GoldenName(string name) => Path.GetFileNameWithoutExtension(name) + ".expected.json";

    /// <summary>The fixture folder in the source tree (for deliberate golden updates), found above the test binaries.</summary>
    public static string SourceDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("Ingest.sln not found above the test output folder")
            : Path.Combine(directory.FullName, "tests", "Fixtures", "reports");
    }
}
