using System.Text.Json;

namespace Ingest.Functions.Hosting.Invocation;

/// <summary><c>Metadata.RetryContext</c>: present when a host.json <c>retry</c> policy re-runs an invocation.</summary>
public sealed record RetryContext(int RetryCount, int MaxRetryCount, string? Exception)
{
    /// <summary>Reads the object (or the object JSON-encoded as a string); null when it is not one.</summary>
    public static RetryContext? From(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && InvocationValue.Text(value) is { } text && text.TrimStart().StartsWith('{'))
        {
            using var inner = JsonDocument.Parse(text);
            return From(inner.RootElement);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        int? retryCount = null;
        int? maxRetryCount = null;
        string? exception = null;
        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("RetryCount") || string.Equals(property.Name, "retryCount", StringComparison.OrdinalIgnoreCase))
            {
                retryCount = InvocationValue.Integer(property.Value);
            }
            else if (string.Equals(property.Name, "MaxRetryCount", StringComparison.OrdinalIgnoreCase))
            {
                maxRetryCount = InvocationValue.Integer(property.Value);
            }
            else if (string.Equals(property.Name, "Exception", StringComparison.OrdinalIgnoreCase))
            {
                // The host sends the exception as an object; a short text is all a log line needs.
                exception = property.Value.ValueKind switch
                {
                    JsonValueKind.String => InvocationValue.Text(property.Value),
                    JsonValueKind.Object when property.Value.TryGetProperty("Message", out var message) => InvocationValue.Text(message),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return retryCount is { } count ? new RetryContext(count, maxRetryCount ?? 0, exception) : null;
    }
}
