using System.ComponentModel.DataAnnotations;

namespace Ingest.Lookup;

/// <summary>
/// Settings of the Lookup API (environment: <c>Ingest__Api__ApiKey</c>, <c>Ingest__Api__RequireKeyOnLoopback</c>).
/// In Azure the Functions host checks the function key before it forwards a request, so neither is set
/// there; the standalone host can demand its own key.
/// </summary>
public sealed class LookupOptions
{
    public const string Section = "Ingest:Api";

    /// <summary>The request header that carries the key.</summary>
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>
    /// When set, every route but <c>/api/health</c> requires this value in <see cref="ApiKeyHeader"/>.
    /// Unset (the default): the API is open. At least 16 characters, so a key is never guessable by accident.
    /// </summary>
    [MinLength(16)]
    public string? ApiKey { get; set; }

    /// <summary>
    /// False (default): callers on the loopback interface need no key, which suits a single machine and the
    /// Functions host (it forwards to the handler over loopback after its own key check). Set true when a
    /// reverse proxy on the same machine forwards outside traffic, which would otherwise arrive as loopback.
    /// </summary>
    public bool RequireKeyOnLoopback { get; set; }
}
