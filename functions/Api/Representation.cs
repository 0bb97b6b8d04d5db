namespace Ingest.Functions.Api;

/// <summary>
/// A fully serialised response body with its ETag: answers 304 when the client already holds it.
/// <c>no-cache</c> lets clients and proxies keep a copy but makes them revalidate, which is cheap.
/// </summary>
internal sealed class Representation(byte[] body, string contentType, bool withETag = true) : IResult
{
    public static Representation Json<T>(T value) => new(ApiJson.Serialize(value), ApiJson.ContentType);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.CacheControl = "no-cache";
        if (withETag)
        {
            var etag = EntityTag.Of(body);
            response.Headers.ETag = etag;
            if (EntityTag.IsNotModified(httpContext.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
