using System.Net;
using System.Security.Cryptography;
using System.Text;
using Ingest.Lookup;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Api;

/// <summary>
/// The standalone host's optional API key (<see cref="LookupOptions"/>): no key configured, the API is
/// open; a key configured, every guarded route requires it in <c>x-api-key</c>, except for loopback
/// callers unless <see cref="LookupOptions.RequireKeyOnLoopback"/> is set. In Azure the Functions host
/// has checked the function key before forwarding (over loopback), so the key is normally unset there.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<LookupOptions> options) : IEndpointFilter
{
    private readonly byte[]? expected = string.IsNullOrEmpty(options.Value.ApiKey) ? null : Digest(options.Value.ApiKey);
    private readonly bool requireOnLoopback = options.Value.RequireKeyOnLoopback;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (expected is null)
        {
            return await next(context);
        }

        var http = context.HttpContext;
        if (!requireOnLoopback && IsLoopback(http.Connection.RemoteIpAddress))
        {
            return await next(context);
        }

        var given = http.Request.Headers[LookupOptions.ApiKeyHeader];
        if (given.Count == 1 && !string.IsNullOrEmpty(given[0]) && CryptographicOperations.FixedTimeEquals(Digest(given[0]!), expected))
        {
            return await next(context);
        }

        return ApiProblem.Unauthorized(http.Request, given.Count == 0
            ? $"This API requires a key in the {LookupOptions.ApiKeyHeader} header."
            : $"The key in the {LookupOptions.ApiKeyHeader} header is not valid.");
    }

    // Comparing fixed-length digests keeps the comparison time independent of the key's length too.
    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>An unknown address (an in-memory test server) is not loopback: the key is then required.</summary>
    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
