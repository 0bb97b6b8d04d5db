using System.Diagnostics;
using Ingest.Functions.CrawlSource;
using Ingest.Functions.ParseReport;
using Ingest.Functions.ScheduleCrawl;
using Ingest.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ingest.Functions.Hosting.Invocation;

/// <summary>
/// The routes the Functions host calls: <c>POST /{FunctionName}</c> for each non-HTTP function, and
/// <c>GET /</c>, which the host polls until the handler answers. The Lookup function is proxied as the
/// real request to <c>/api/...</c> and never comes through here.
/// </summary>
public static partial class InvocationEndpoints
{
    public static IReadOnlyList<string> FunctionNames { get; } = [ScheduleCrawlFunction.Name, CrawlSourceFunction.Name, ParseReportFunction.Name];

    public static IEndpointRouteBuilder MapFunctionInvocations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Json(new { app = "Ingest.Functions", functions = FunctionNames }));
        endpoints.MapPost("/" + ScheduleCrawlFunction.Name, (HttpContext context, ScheduleCrawlFunction function) =>
            InvokeAsync(context, ScheduleCrawlFunction.Name, function.InvokeAsync));
        endpoints.MapPost("/" + CrawlSourceFunction.Name, (HttpContext context, CrawlSourceFunction function) =>
            InvokeAsync(context, CrawlSourceFunction.Name, function.InvokeAsync));
        endpoints.MapPost("/" + ParseReportFunction.Name, (HttpContext context, ParseReportFunction function) =>
            InvokeAsync(context, ParseReportFunction.Name, function.InvokeAsync));
        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(HttpContext context, string function, Func<InvocationRequest, CancellationToken, Task<IResult>> body)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Ingest.Functions.Invocation");
        var invocationId = context.Request.Headers[InvocationRequest.InvocationIdHeader].FirstOrDefault();
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Function"] = function, ["InvocationId"] = invocationId });

        // The request span (ASP.NET Core's) and an invocation span both carry the host's invocation id;
        // the baggage hands it to every core span below (crawl, page, parse) as an attribute too.
        Activity.Current?.SetTag(IngestTelemetry.Tags.InvocationId, invocationId);
        using var activity = IngestTelemetry.StartActivity("ingest.invocation " + function);
        activity?.SetTag("faas.name", function);
        if (!string.IsNullOrEmpty(invocationId))
        {
            activity?.SetTag(IngestTelemetry.Tags.InvocationId, invocationId);
            activity?.AddBaggage(IngestTelemetry.Tags.InvocationId, invocationId);
        }

        var decoded = await InvocationRequest.ReadAsync(context.Request, context.RequestAborted);
        var result = decoded.Succeeded
            ? await body(decoded.Value, context.RequestAborted)
            : InvocationReply.BadPayload(decoded.Error);

        // The host drops a failed reply's body and Logs: what went wrong must reach our own log.
        if (result is ProblemHttpResult problem)
        {
            LogFailedInvocation(logger, function, invocationId, problem.StatusCode, problem.ProblemDetails.Detail);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} invocation {InvocationId} failed with {Status}: {Detail}")]
    private static partial void LogFailedInvocation(ILogger logger, string function, string? invocationId, int status, string? detail);
}
