using Azure;
using Page = Ingest.Functions.Api.Contracts.Page<Ingest.Functions.Api.Contracts.ReportListItem>;
using Azure.Storage.Blobs.Models;
using Ingest.Functions.Api.Contracts;
using Ingest.Lookup;
using Ingest.Records;
using Ingest.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Ingest.Functions.Api;

/// <summary><c>/api/reports</c>: lists, one record, and the archived original a record was parsed from.</summary>
internal static class ReportRoutes
{
    public static void MapReportRoutes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reports", ListAsync).WithName("listReports");
        api.MapGet("/reports/{id}", GetAsync).WithName("getReport");
        api.MapGet("/reports/{id}/source", SourceAsync).WithName("getReportSource");
    }

    /// <summary>
    /// Reports by agency, year (+ region), era or check status. Without any of agency, year, era or
    /// status the answer is 400, not a default: a list of everything would be a table scan, and a silent
    /// default year would make the same URL mean different things over time.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpRequest request, [FromServices] ReportReader reader, CancellationToken cancellationToken)
    {
        var query = new ApiQuery(request);
        var check = query.Check;
        var agency = check.Text("agency", query["agency"], LookupLimits.MaxAgency);
        var year = check.Year("year", query["year"], required: false);
        var region = check.Text("region", query["region"], LookupLimits.MaxRegion);
        var era = check.Era("era", query["era"]);
        var status = check.ChecksStatus("status", query["status"]);
        var limit = check.Limit("limit", query["limit"]);
        var scope = string.Join('\n', "reports", agency, year, region, era, status);
        var continuation = check.Continuation("continuation", query["continuation"], scope);
        if (agency is null && year is null && era is null && status is null && !check.Problems.Any(p => p.Parameter is "agency" or "year" or "era" or "status"))
        {
            check.Fail("agency|year|era|status", "at least one of agency, year, era or status is required (listing every report would scan the whole table)");
        }

        if (!check.IsValid)
        {
            return ApiProblem.InvalidParameters(request, check.Problems);
        }

        var page = await reader.ListReportsAsync(
            new ReportQuery { Agency = agency, Year = year, Region = region, Era = era, ChecksStatus = status, PageSize = limit, ContinuationToken = continuation },
            cancellationToken);
        var next = PageToken.Issue(scope, page.ContinuationToken);
        return Representation.Json(new Page([.. page.Items.Select(ReportListItem.From)], next, query.Next(next)));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, [FromServices] ReportReader reader, CancellationToken cancellationToken)
    {
        var check = new ParameterCheck();
        var reportId = check.ReportId("id", id);
        if (!check.IsValid)
        {
            return ApiProblem.InvalidParameters(request, check.Problems);
        }

        var stored = await reader.GetReportAsync(reportId!, cancellationToken);
        return stored is null
            ? ApiProblem.NotFound(request, $"There is no report with id {reportId}.")
            : Representation.Json(ReportDocument.From(stored));
    }

    /// <summary>
    /// The capture's bytes as archived. Storage's response headers arrive before this returns (so a
    /// failure is still a problem+json); the body is streamed by <see cref="ArchivedSource"/>.
    /// </summary>
    private static async Task<IResult> SourceAsync(
        string id, HttpRequest request, [FromServices] ReportReader reader, [FromServices] IngestStorage storage, CancellationToken cancellationToken)
    {
        var check = new ParameterCheck();
        var reportId = check.ReportId("id", id);
        if (!check.IsValid)
        {
            return ApiProblem.InvalidParameters(request, check.Problems);
        }

        var blobName = await reader.GetRawBlobNameAsync(reportId!, cancellationToken);
        if (blobName is null)
        {
            return ApiProblem.NotFound(request, $"There is no report with id {reportId}.");
        }

        BlobDownloadStreamingResult download;
        try
        {
            download = await storage.RawContainer.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return ApiProblem.NotFound(request, $"The archived capture of report {reportId} is missing from the raw container.");
        }

        return new ArchivedSource(download);
    }
}
