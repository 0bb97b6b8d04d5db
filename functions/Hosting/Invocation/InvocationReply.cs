using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Functions.Hosting.Invocation;

/// <summary>
/// The reply the host reads (<c>HttpScriptInvocationResult</c>): <c>Outputs</c>, <c>Logs</c>, <c>ReturnValue</c>,
/// as <c>application/json</c>. The host keeps <c>Logs</c> only from a 2xx reply, so failures are logged by
/// the handler itself and answered with a non-2xx problem+json.
/// </summary>
public sealed record InvocationReply(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IResult Success(params string[] logs) =>
        Results.Json(new InvocationReply(new Dictionary<string, object?>(), logs, null), Json, "application/json", StatusCodes.Status200OK);

    /// <summary>A payload that is not what the function's bindings produce: the host records a failed invocation.</summary>
    public static IResult BadPayload(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The invocation payload is not what this function's bindings send.");

    /// <summary>The work failed this time; the host's retry or poison handling takes over.</summary>
    public static IResult Failed(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status500InternalServerError, title: "The invocation failed.");
}
