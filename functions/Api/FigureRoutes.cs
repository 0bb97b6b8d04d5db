using Ingest.Functions.Api.Contracts;
using Ingest.Lookup;
using Ingest.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ingest.Functions.Api;

/// <summary><c>/api/figures</c>: one figure key across all reports of a year, as JSON or CSV.</summary>
internal static class FigureRoutes
{
    /// <summary>Rows fetched per storage round trip when a CSV streams a whole series.</summary>
    private const int CsvBatch = ReportQuery.MaxPageSize;

    public static void MapFigureRoutes(this IEndpointRouteBuilder api) =>
        api.MapGet("/figures", ListAsync).WithName("getFigure");

    /// <summary>
    /// JSON pages like the other lists. CSV (<c>format=csv</c>, or <c>Accept: text/csv</c> preferred over
    /// JSON) is the whole series in one download when neither limit nor continuation is given, streamed
    /// in batches; with them it is one page and the next page's token is in <c>X-Continuation</c>/<c>Link</c>.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpRequest request, [FromServices] ReportReader reader, CancellationToken cancellationToken)
    {
        var query = new ApiQuery(request);
        var check = query.Check;
        var key = check.FigureKey("key", query["key"], required: true);
        var year = check.Year("year", query["year"], required: true);
        var region = check.Text("region", query["region"], LookupLimits.MaxRegion);
        var limitText = query["limit"];
        var limit = check.Limit("limit", limitText);
        var scope = string.Join('\n', "figures", key, year, region);
        var continuationText = query["continuation"];
        var continuation = check.Continuation("continuation", continuationText, scope);
        var csv = WantsCsv(request, query);
        if (!check.IsValid)
        {
            return ApiProblem.InvalidParameters(request, check.Problems);
        }

        var whole = csv && string.IsNullOrEmpty(limitText) && string.IsNullOrEmpty(continuationText);
        var figureQuery = new FigureQuery(key!, year!.Value) { Region = region, PageSize = whole ? CsvBatch : limit, ContinuationToken = continuation };
        var page = await reader.ListFigureAsync(figureQuery, cancellationToken);
        request.HttpContext.Response.Headers.Vary = HeaderNames.Accept;
        if (!csv)
        {
            var nextToken = PageToken.Issue(scope, page.ContinuationToken);
            return Representation.Json(new Page<FigureItem>([.. page.Items.Select(FigureItem.From)], nextToken, query.Next(nextToken)));
        }

        var fileName = $"{key}-{year}.csv";
        if (whole)
        {
            return new FigureCsvDownload(page, fileName, token => reader.ListFigureAsync(figureQuery with { ContinuationToken = token }, cancellationToken));
        }

        var next = PageToken.Issue(scope, page.ContinuationToken);
        return new FigureCsvDownload(page with { ContinuationToken = null }, fileName, null)
        {
            NextToken = next,
            NextUrl = query.Next(next),
        };
    }

    /// <summary><c>format</c> decides when given; otherwise CSV when the Accept header ranks text/csv above JSON.</summary>
    private static bool WantsCsv(HttpRequest request, ApiQuery query)
    {
        switch (query["format"])
        {
            case null or "":
                break;
            case "csv":
                return true;
            case "json":
                return false;
            default:
                query.Check.Fail("format", "must be json or csv");
                return false;
        }

        var accept = request.GetTypedHeaders().Accept;
        double Quality(string mediaType) => accept
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0)
            .DefaultIfEmpty(0)
            .Max();
        var csvQuality = Quality("text/csv");
        return csvQuality > 0 && csvQuality >= Quality("application/json");
    }
}
