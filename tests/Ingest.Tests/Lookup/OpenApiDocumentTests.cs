using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Tests.Lookup;

[Collection(LookupApiCollection.Name)]
public sealed class OpenApiDocumentTests(LookupApiFixture fixture)
{
    [Fact]
    public async Task Documents_exactly_the_routes_mapped_under_api()
    {
        var document = await (await fixture.Open.Client.GetAsync("/api/openapi.json")).JsonAsync();
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var mapped = fixture.Open.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.Contains("**", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public async Task Operation_ids_match_endpoint_names_and_references_resolve()
    {
        var text = await fixture.Open.Client.GetStringAsync("/api/openapi.json");
        var document = JsonDocument.Parse(text).RootElement;
        var names = fixture.Open.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.Contains(operation.Value.GetProperty("operationId").GetString()!, names);
            }
        }

        foreach (System.Text.RegularExpressions.Match reference in System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\": \"#/([^\"]+)\""))
        {
            var node = document;
            foreach (var segment in reference.Groups[1].Value.Split('/'))
            {
                Assert.True(node.TryGetProperty(segment, out node), $"unresolved $ref #/{reference.Groups[1].Value}");
            }
        }
    }
}
