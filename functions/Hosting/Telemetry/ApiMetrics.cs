using System.Diagnostics;
using Ingest.Telemetry;

namespace Ingest.Functions.Hosting.Telemetry;

/// <summary>
/// Counts and times every request under <c>/api</c> by route template (not by path: ids would make
/// every report its own series) and status code. Middleware rather than code in the API, so the hosts
/// measure whatever routes the API maps.
/// </summary>
public static class ApiMetrics
{
    public static IApplicationBuilder UseApiMetrics(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            var failed = false;
            try
            {
                await next(context);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : "(unmatched)";
                var tags = new TagList
                {
                    { IngestTelemetry.Tags.Route, route },
                    { IngestTelemetry.Tags.StatusCode, failed ? 500 : context.Response.StatusCode },
                };
                IngestTelemetry.ApiRequests.Add(1, tags);
                IngestTelemetry.ApiDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
            }
        });
}
