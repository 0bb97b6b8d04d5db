using System.Globalization;
using Azure.Storage.Blobs.Models;
using Ingest.Archive;
using Microsoft.Net.Http.Headers;

namespace Ingest.Functions.Api;

/// <summary>
/// An archived capture, byte for byte, with the content type it was served with and its charset (the
/// crawler's detection, which starts from the served header, else the served parameter). Third-party
/// HTML is served sandboxed (CSP <c>sandbox</c>, no scripts, no loads) so it cannot act on the API's
/// origin. The blob's ETag is the representation's: a capture never changes, a newer capture is a new blob.
/// </summary>
internal sealed class ArchivedSource(BlobDownloadStreamingResult download) : IResult
{
    public const string SandboxPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var content = download.Content;
        var details = download.Details;
        var response = httpContext.Response;
        var etag = details.ETag.ToString("H");
        var capture = CaptureMetadata.FromBlobMetadata(details.Metadata);
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "no-cache";
        if (capture is not null)
        {
            response.Headers.LastModified = capture.FetchedAt.ToString("R", CultureInfo.InvariantCulture);
        }

        if (EntityTag.IsNotModified(httpContext.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentTypeOf(capture?.ContentType ?? details.ContentType, capture?.Charset);
        response.ContentLength = details.ContentLength;
        response.Headers.ContentSecurityPolicy = SandboxPolicy;
        await content.CopyToAsync(response.Body, httpContext.RequestAborted);
    }

    /// <summary>The served media type (octet-stream when unknown or malformed) with the detected charset, else the served one.</summary>
    internal static string ContentTypeOf(string? served, string? detectedCharset)
    {
        if (!MediaTypeHeaderValue.TryParse(served, out var parsed) || parsed.MediaType.Length == 0)
        {
            parsed = new MediaTypeHeaderValue("application/octet-stream");
        }

        var media = new MediaTypeHeaderValue(parsed.MediaType);
        var charset = string.IsNullOrWhiteSpace(detectedCharset) ? parsed.Charset.Value : detectedCharset.Trim();
        if (!string.IsNullOrEmpty(charset))
        {
            media.Charset = charset;
        }

        return media.ToString();
    }
}
