using System.Globalization;
using System.Text.Json;

namespace Ingest.Functions.Hosting.Invocation;

/// <summary>
/// Unwraps values the way the host encodes them (functions-contract §1.3): strings and numbers arrive as
/// JSON text inside a JSON string (<c>"\"2024/a.html\""</c>, <c>"4"</c>), <c>byte[]</c> as base64.
/// </summary>
public static class InvocationValue
{
    /// <summary>A string value, unwrapped once more when it is itself a JSON string literal.</summary>
    public static string? Text(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return IsJsonStringLiteral(text) ? UnwrapLiteral(text) : text;
            case JsonValueKind.Number:
                return value.GetRawText();
            default:
                return null;
        }
    }

    /// <summary>A number sent as a number, or as its text inside a string.</summary>
    public static int? Integer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(Text(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    /// <summary>Bytes sent as a base64 string (a <c>dataType: binary</c> trigger); null when not base64.</summary>
    public static byte[]? Bytes(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!;
        if (IsJsonStringLiteral(text))
        {
            text = UnwrapLiteral(text) ?? text;
        }

        var buffer = new byte[text.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    private static bool IsJsonStringLiteral(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"';

    private static string? UnwrapLiteral(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(text);
        }
        catch (JsonException)
        {
            // A value that merely starts and ends with a quote is taken as it is.
            return text;
        }
    }
}
