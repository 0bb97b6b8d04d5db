using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingest.Tests.Functions;

/// <summary>
/// Request bodies shaped exactly as the Functions host builds them for a custom handler
/// (functions-contract §1.3–1.5): PascalCase Data/Metadata, strings and numbers JSON-encoded a second
/// time, byte[] as base64, POCOs as objects, trigger keys (BlobTrigger, QueueTrigger, TimerTrigger) absent.
/// </summary>
public static class HostPayloads
{
    /// <summary>What <c>JsonConvert.SerializeObject</c> makes of a string: its JSON literal, quotes included.</summary>
    public static string Twice(string value) => JsonSerializer.Serialize(value);

    public static JsonObject Sys(string function) => new()
    {
        ["MethodName"] = function,
        ["UtcNow"] = "2026-11-23T02:00:00.0123456Z",
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    public static JsonObject Timer(bool pastDue = false) => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject(),
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = "2026-11-22T02:00:00+00:00",
                    ["Next"] = "2026-11-23T02:00:00+00:00",
                    ["LastUpdated"] = "2026-11-22T02:00:00+00:00",
                },
                ["IsPastDue"] = pastDue,
            },
        },
        ["Metadata"] = new JsonObject { ["sys"] = Sys("ScheduleCrawl") },
    };

    /// <summary>A queue trigger without dataType: the (already base64-decoded) message text as a string, encoded twice.</summary>
    public static JsonObject Queue(string messageText, int dequeueCount = 1) => QueueWith(Twice(messageText), dequeueCount);

    public static JsonObject QueueWith(JsonNode? data, int dequeueCount = 1) => new()
    {
        ["Data"] = new JsonObject { ["request"] = data },
        ["Metadata"] = new JsonObject
        {
            // A number arrives as its text in a JSON string (JsonConvert.SerializeObject(3) is "3").
            ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Id"] = Twice(Guid.NewGuid().ToString()),
            ["PopReceipt"] = Twice("AgAAAAMAAAAAAAAA"),
            ["InsertionTime"] = "2026-11-23T02:00:01+00:00",
            ["ExpirationTime"] = "2026-11-30T02:00:01+00:00",
            ["NextVisibleTime"] = "2026-11-23T02:10:01+00:00",
            ["sys"] = Sys("CrawlSource"),
        },
    };

    /// <summary>A blob trigger with dataType binary, path raw/{name}.</summary>
    public static JsonObject Blob(string name, byte[] content, JsonObject? retryContext = null)
    {
        var metadata = new JsonObject
        {
            ["name"] = Twice(name),
            ["Uri"] = Twice("http://127.0.0.1:10000/devstoreaccount1/raw/" + name),
            ["Properties"] = new JsonObject
            {
                ["ContentLength"] = content.Length,
                ["ContentType"] = "text/html",
                ["LastModified"] = "2026-11-23T02:03:04+00:00",
                ["ETag"] = "\"0x8DD0A1B2C3D4E5F\"",
            },
            ["Metadata"] = new JsonObject { ["source_url"] = "http%3A%2F%2Fexample.gov.cn%2Freport.html" },
            ["sys"] = Sys("ParseReport"),
        };
        if (retryContext is not null)
        {
            metadata["RetryContext"] = retryContext;
        }

        return new JsonObject
        {
            ["Data"] = new JsonObject { ["page"] = Convert.ToBase64String(content) },
            ["Metadata"] = metadata,
        };
    }

    public static JsonObject RetryContext(int retryCount, int maxRetryCount) => new()
    {
        ["RetryCount"] = retryCount,
        ["MaxRetryCount"] = maxRetryCount,
        ["Exception"] = new JsonObject
        {
            ["ClassName"] = "System.Exception",
            ["Message"] = "Exception while executing function: Functions.ParseReport",
        },
    };
}
