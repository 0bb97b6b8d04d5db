using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ingest.Functions.Api;

/// <summary>
/// How the API writes JSON: camelCase names, dictionary keys (figure keys) as they are, and Chinese as
/// real UTF-8 rather than \uXXXX escapes. Relaxed escaping is safe here because every response is
/// served with its JSON content type and <c>nosniff</c>, never inlined into HTML.
/// Kept apart from the host's JSON options so the API's wire format does not depend on the host.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string ContentType = "application/json; charset=utf-8";

    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}
