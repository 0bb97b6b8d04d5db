using Ingest.Functions.Api.Contracts;
using Ingest.Lookup;
using Ingest.Records;
using Microsoft.AspNetCore.Mvc;

namespace Ingest.Functions.Api;

/// <summary><c>/api/agencies</c>: agencies and the years they have reports for, optionally by name prefix.</summary>
internal static class AgencyRoutes
{
    public static void MapAgencyRoutes(this IEndpointRouteBuilder api) =>
        api.MapGet("/agencies", ListAsync).WithName("listAgencies");

    /// <summary>
    /// <c>q</c> matches the start of the agency name (长沙 finds 长沙市国资委): a key range in the one
    /// agency-list partition. Matching anywhere in the name would mean reading every agency per request.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpRequest request, [FromServices] ReportReader reader, CancellationToken cancellationToken)
    {
        var query = new ApiQuery(request);
        var check = query.Check;
        var q = check.Text("q", query["q"], LookupLimits.MaxAgencyQuery);
        var limit = check.Limit("limit", query["limit"]);
        var scope = string.Join('\n', "agencies", q);
        var continuation = check.Continuation("continuation", query["continuation"], scope);
        if (!check.IsValid)
        {
            return ApiProblem.InvalidParameters(request, check.Problems);
        }

        var page = await reader.ListAgenciesAsync(q, limit, continuation, cancellationToken);
        var next = PageToken.Issue(scope, page.ContinuationToken);
        return Representation.Json(new Page<AgencyItem>([.. page.Items.Select(AgencyItem.From)], next, query.Next(next)));
    }
}
