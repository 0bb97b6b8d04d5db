using System.Text.Json;

namespace Ingest.Functions.Hosting.Invocation;

/// <summary>
/// What the Functions host POSTs to <c>/{FunctionName}</c>: <c>Data</c> (the trigger and inputs, by binding
/// name) and <c>Metadata</c> (binding data), PascalCase because the host serializes with Newtonsoft.
/// Values keep the host's encoding; <see cref="InvocationValue"/> unwraps them.
/// </summary>
public sealed class InvocationRequest
{
    private InvocationRequest(JsonDocument document, IReadOnlyDictionary<string, JsonElement> data, IReadOnlyDictionary<string, JsonElement> metadata, string? invocationId)
    {
        Document = document;
        Data = data;
        Metadata = metadata;
        InvocationId = invocationId;
    }

    /// <summary>The header the host sets on every call; it ties our logs to the host's invocation.</summary>
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    public IReadOnlyDictionary<string, JsonElement> Data { get; }
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; }
    public string? InvocationId { get; }

    /// <summary>Keeps the parsed body alive as long as the elements are used.</summary>
    private JsonDocument Document { get; }

    /// <summary>The retry context the host adds when a host.json <c>retry</c> policy applies; null on a first try.</summary>
    public RetryContext? Retry =>
        Metadata.TryGetValue("RetryContext", out var value) ? RetryContext.From(value) : null;

    /// <summary>Reads a request body; a body that is not the host's shape is an error value, not an exception.</summary>
    public static async Task<Decoded<InvocationRequest>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return Decoded<InvocationRequest>.Fail($"Expected a JSON body (Content-Type application/json), got '{request.ContentType}'.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException e)
        {
            return Decoded<InvocationRequest>.Fail($"The body is not valid JSON: {e.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return Decoded<InvocationRequest>.Fail("The body must be a JSON object with Data and Metadata.");
        }

        var data = Properties(document.RootElement, "Data");
        var metadata = Properties(document.RootElement, "Metadata");
        if (data is null)
        {
            document.Dispose();
            return Decoded<InvocationRequest>.Fail("The body has no Data object.");
        }

        request.HttpContext.Response.RegisterForDispose(document);
        var invocationId = request.Headers[InvocationIdHeader].FirstOrDefault();
        return Decoded<InvocationRequest>.Ok(new InvocationRequest(document, data, metadata ?? new Dictionary<string, JsonElement>(), invocationId));
    }

    /// <summary>The trigger value: by its binding name, else the only entry of Data.</summary>
    public JsonElement? Trigger(string bindingName)
    {
        if (Data.TryGetValue(bindingName, out var value))
        {
            return value;
        }

        return Data.Count == 1 ? Data.Values.First() : null;
    }

    private static Dictionary<string, JsonElement>? Properties(JsonElement root, string name)
    {
        // The host writes PascalCase; accept any casing, as the host's own readers do.
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
                foreach (var entry in property.Value.EnumerateObject())
                {
                    values[entry.Name] = entry.Value;
                }

                return values;
            }
        }

        return null;
    }
}
