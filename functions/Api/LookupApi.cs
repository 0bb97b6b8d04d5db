using Ingest.Functions.Api.Contracts;

namespace Ingest.Functions.Api;

/// <summary>
/// The HTTP lookups under /api, served by the Lookup function and the standalone host alike. A host
/// registers <c>services.AddIngestCore(configuration)</c> (storage, the records read side and the
/// API's options) and calls <c>app.MapLookupApi()</c>; nothing else. See the README, section Lookup API.
/// </summary>
public static class LookupApi
{
    public static IEndpointRouteBuilder MapLookupApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(LookupRoutes.Prefix)
            .AddEndpointFilter(static (context, next) =>
            {
                // Every body is typed explicitly; no client should second-guess an archived page as HTML.
                context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
                return next(context);
            })
            .AddEndpointFilter<ApiFaultFilter>();

        api.MapGet("/health", () => Representation.Json(new HealthDocument("ok"))).WithName("health");

        var guarded = api.MapGroup("").AddEndpointFilter<ApiKeyFilter>();
        guarded.MapReportRoutes();
        guarded.MapFigureRoutes();
        guarded.MapAgencyRoutes();
        guarded.MapOpenApiDocument();
        // Unknown paths under /api get a problem too (after the key check, so they reveal nothing).
        guarded.MapGet("/{**path}", (HttpRequest request) => ApiProblem.NotFound(request, $"There is no route {request.Path}."))
            .WithName("unknownRoute");
        return endpoints;
    }
}
