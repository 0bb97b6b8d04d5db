using Ingest.Functions.Hosting;

namespace Ingest.Functions.Demo;

/// <summary>How to run the demo: the verb's options, plus what a test adds (storage, names, a hook).</summary>
public sealed record DemoSettings
{
    public int Port { get; init; } = 7071;

    /// <summary>First of the sample site's ports (one per agency); 0 picks free ones (no revalidation across runs).</summary>
    public int SitePort { get; init; } = 7081;

    /// <summary>Exit when the pipeline has drained instead of serving the API until cancelled.</summary>
    public bool Once { get; init; }

    public AppSettings App { get; init; } = new();

    /// <summary>Called with the API's base address once it serves (after the pipeline has drained).</summary>
    public Action<Uri>? Serving { get; init; }
}
