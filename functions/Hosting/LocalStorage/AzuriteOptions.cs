namespace Ingest.Functions.Hosting.LocalStorage;

/// <summary>How to start an Azurite process. Port 0 asks for a free port.</summary>
public sealed record AzuriteOptions
{
    public int BlobPort { get; init; }
    public int QueuePort { get; init; }
    public int TablePort { get; init; }

    /// <summary>Keep data in memory (tests). When false, <see cref="DataDirectory"/> holds it.</summary>
    public bool InMemory { get; init; } = true;

    public string? DataDirectory { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The emulator's well-known ports, used by <c>UseDevelopmentStorage=true</c>.</summary>
    public static AzuriteOptions DevelopmentStorage(string dataDirectory) => new()
    {
        BlobPort = 10000,
        QueuePort = 10001,
        TablePort = 10002,
        InMemory = false,
        DataDirectory = dataDirectory,
    };
}
