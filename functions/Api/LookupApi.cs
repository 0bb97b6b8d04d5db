namespace Ingest.Functions.Api;

/// <summary>The HTTP lookups under /api, served by the Lookup function and the standalone host alike.</summary>
public static class LookupApi
{
    public static IEndpointRouteBuilder MapLookupApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return endpoints;
    }
}
