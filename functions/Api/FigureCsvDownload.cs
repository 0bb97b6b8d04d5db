using System.Text;
using Ingest.Records;
using Microsoft.Net.Http.Headers;

namespace Ingest.Functions.Api;

/// <summary>
/// Writes a figure series as CSV (<see cref="FigureCsv"/>), fetching further pages while it writes, so a
/// large year never sits in memory. No ETag: the body is not known before it is sent.
/// </summary>
internal sealed class FigureCsvDownload(ResultPage<FigureObservation> first, string fileName, Func<string, Task<ResultPage<FigureObservation>>>? nextPage) : IResult
{
    public string? NextToken { get; init; }
    public string? NextUrl { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = FigureCsv.ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        if (NextToken is not null)
        {
            response.Headers["X-Continuation"] = NextToken;
            response.Headers.Link = $"<{NextUrl}>; rel=\"next\"";
        }

        var cancellationToken = httpContext.RequestAborted;
        await response.Body.WriteAsync(FigureCsv.ByteOrderMark.ToArray(), cancellationToken);
        await WriteAsync(response, FigureCsv.Header(), cancellationToken);
        var page = first;
        while (true)
        {
            var text = new StringBuilder();
            foreach (var row in page.Items)
            {
                text.Append(FigureCsv.Row(row));
            }

            await WriteAsync(response, text.ToString(), cancellationToken);
            if (page.ContinuationToken is null || nextPage is null)
            {
                return;
            }

            page = await nextPage(page.ContinuationToken);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken) =>
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
}
