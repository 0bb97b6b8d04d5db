using Ingest.Functions.Api.Contracts;
using Ingest.Lookup;

namespace Ingest.Functions.Api;

/// <summary>
/// Every error the API answers, as <c>application/problem+json</c>. The <c>type</c> URNs are stable
/// identifiers clients can switch on; <c>detail</c> is for people.
/// </summary>
internal static class ApiProblem
{
    public const string InvalidParameterType = "urn:ingest:problem:invalid-parameter";
    public const string NotFoundType = "urn:ingest:problem:not-found";
    public const string UnauthorizedType = "urn:ingest:problem:unauthorized";
    public const string StorageUnavailableType = "urn:ingest:problem:storage-unavailable";
    public const string InternalType = "urn:ingest:problem:internal";

    public static IResult InvalidParameters(HttpRequest request, IReadOnlyList<ParameterProblem> problems)
    {
        var errors = problems
            .GroupBy(p => p.Parameter, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Rule).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var detail = string.Join(" ", errors.Select(e => $"{e.Key} {string.Join("; ", e.Value)}."));
        return new ProblemResult(new ProblemDocument(InvalidParameterType, "Invalid query parameter", StatusCodes.Status400BadRequest, detail, Instance(request))
        {
            Errors = errors,
        });
    }

    public static IResult NotFound(HttpRequest request, string detail) =>
        new ProblemResult(new ProblemDocument(NotFoundType, "Not found", StatusCodes.Status404NotFound, detail, Instance(request)));

    public static IResult Unauthorized(HttpRequest request, string detail) =>
        new ProblemResult(new ProblemDocument(UnauthorizedType, "API key required", StatusCodes.Status401Unauthorized, detail, Instance(request)));

    public static IResult StorageUnavailable(HttpRequest request) =>
        new ProblemResult(new ProblemDocument(StorageUnavailableType, "Storage unavailable", StatusCodes.Status503ServiceUnavailable,
            "The records store did not answer; try again shortly.", Instance(request)));

    public static IResult Internal(HttpRequest request) =>
        new ProblemResult(new ProblemDocument(InternalType, "Internal error", StatusCodes.Status500InternalServerError,
            "The request failed unexpectedly; the error is logged.", Instance(request)));

    private static string Instance(HttpRequest request) => request.PathBase + request.Path;

    private sealed class ProblemResult(ProblemDocument problem) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var body = ApiJson.Serialize(problem);
            var response = httpContext.Response;
            response.StatusCode = problem.Status;
            response.ContentType = ApiJson.ProblemContentType;
            response.Headers.CacheControl = "no-store";
            if (problem.Status == StatusCodes.Status401Unauthorized)
            {
                response.Headers.WWWAuthenticate = $"ApiKey header=\"{LookupOptions.ApiKeyHeader}\"";
            }
            else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                response.Headers.RetryAfter = "5";
            }

            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
