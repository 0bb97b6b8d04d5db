using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Ingest.Functions.Api;

/// <summary>
/// Strong ETags for the API's representations: a hash of the exact bytes sent, so a tag always
/// describes what the client holds, whatever changed in storage (a re-parse, a newer capture, a new
/// API version). If-None-Match is compared weakly, as RFC 9110 §13.1.2 prescribes.
/// </summary>
internal static class EntityTag
{
    public static string Of(ReadOnlySpan<byte> body) =>
        "\"" + Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 16)) + "\"";

    /// <summary>True when the request's If-None-Match names <paramref name="etag"/> (or is <c>*</c>).</summary>
    public static bool IsNotModified(HttpRequest request, string etag)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParse(etag, out var current))
        {
            return false;
        }

        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
