using System.Text;
using System.Text.Json;
using Ingest.Crawling;
using Ingest.Functions.Hosting.Invocation;

namespace Ingest.Functions.CrawlSource;

/// <summary>
/// The crawl-requests message body: a <see cref="CrawlRequest"/> as camelCase JSON. The queue client
/// base64-encodes the text (as the Functions queue extension expects); the host decodes it again and
/// hands a queue trigger without <c>dataType</c> to the handler as a string, i.e. the JSON text inside a
/// JSON string. Decoding accepts that, a plain JSON object and still-base64 text alike.
/// </summary>
public static class CrawlRequestMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Encode(CrawlRequest request) => JsonSerializer.Serialize(request, Json);

    public static Decoded<CrawlRequest> Decode(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return FromJson(value.GetRawText());
        }

        return InvocationValue.Text(value) is { } text
            ? Decode(text)
            : Decoded<CrawlRequest>.Fail($"The queue message is a JSON {value.ValueKind}, not a crawl request.");
    }

    public static Decoded<CrawlRequest> Decode(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            return FromJson(trimmed);
        }

        // A producer that base64-encoded twice, or a host set to messageEncoding none, leaves base64 here.
        var buffer = new byte[trimmed.Length];
        if (Convert.TryFromBase64String(trimmed, buffer, out var written))
        {
            var decoded = Encoding.UTF8.GetString(buffer, 0, written).Trim();
            if (decoded.StartsWith('{'))
            {
                return FromJson(decoded);
            }
        }

        return Decoded<CrawlRequest>.Fail($"The queue message is not a crawl request: '{Truncate(trimmed)}'.");
    }

    private static Decoded<CrawlRequest> FromJson(string json)
    {
        CrawlRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CrawlRequest>(json, Json);
        }
        catch (JsonException e)
        {
            return Decoded<CrawlRequest>.Fail($"The queue message is not a crawl request: {e.Message}");
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Host))
        {
            return Decoded<CrawlRequest>.Fail("The crawl request names no host.");
        }

        if (request.SourceIds is null || request.SourceIds.Count == 0)
        {
            return Decoded<CrawlRequest>.Fail($"The crawl request for {request.Host} names no sources.");
        }

        if (request.Night == default)
        {
            return Decoded<CrawlRequest>.Fail($"The crawl request for {request.Host} names no night.");
        }

        return Decoded<CrawlRequest>.Ok(request);
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
