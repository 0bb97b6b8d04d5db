namespace Ingest.Functions.Cli;

/// <summary>Every verb the app knows, in the order <c>--help</c> lists them.</summary>
public static class VerbCatalog
{
    public static IReadOnlyList<CliVerb> All { get; } =
    [
        new DemoVerb(),
        new RunVerb(),
        new CrawlVerb(),
        new StatusVerb(),
        new FailuresVerb(),
        new ExportVerb(),
        new ParseVerb(),
        new ReparseVerb(),
        new HandlerVerb(),
    ];

    public static CliVerb? Find(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
}
