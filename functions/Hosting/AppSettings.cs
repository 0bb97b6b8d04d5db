using Ingest.Storage;

namespace Ingest.Functions.Hosting;

/// <summary>
/// What a caller (a verb, the demo, a test) adds to the app's own configuration: settings that override
/// the environment, a storage layout, and services that replace the defaults.
/// </summary>
public sealed record AppSettings
{
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    public StorageLayout? Layout { get; init; }

    public Action<IServiceCollection>? Services { get; init; }

    public Action<ILoggingBuilder>? Logging { get; init; }
}
