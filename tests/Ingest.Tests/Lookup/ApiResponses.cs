using System.Net;
using System.Text.Json;

namespace Ingest.Tests.Lookup;

/// <summary>Reading API responses in tests: JSON bodies and problem documents.</summary>
internal static class ApiResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem+json of <paramref name="status"/>; returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync(status);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("urn:ingest:problem:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        return problem;
    }

    /// <summary>Asserts a 400 whose errors name <paramref name="parameter"/>; returns the rules given for it.</summary>
    public static async Task<string[]> InvalidParameterAsync(this HttpResponseMessage response, string parameter)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("urn:ingest:problem:invalid-parameter", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var rules), $"errors do not name {parameter}: {problem}");
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return [.. rules.EnumerateArray().Select(r => r.GetString()!)];
    }

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();

    public static string? Continuation(this JsonElement page) =>
        page.GetProperty("continuation").ValueKind == JsonValueKind.Null ? null : page.GetProperty("continuation").GetString();

    public static string Url(string path, params (string Name, string Value)[] query) =>
        path + (query.Length == 0 ? "" : "?" + string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}")));
}
