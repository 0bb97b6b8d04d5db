using System.Net;
using Microsoft.Extensions.Options;
using Polly;

namespace Ingest.Crawling.Http;

/// <summary>
/// Fetches one URL through the crawler's client and follows redirects itself: each hop is checked
/// against the source's hosts and the address policy, loops and chains longer than the limit end the
/// fetch. Every failure comes back as a value (<see cref="FetchStatus.Failed"/> with a kind).
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, IOptions<CrawlerOptions> options)
{
    public async Task<FetchResult> FetchAsync(Uri url, FetchScope scope, Validators? validators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(scope);
        var settings = options.Value;
        var client = clients.CreateClient(CrawlerHttp.ClientName);
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        var lastStatus = 0;
        for (var hop = 0; ; hop++)
        {
            if (Refusal(current, scope, settings) is { } refusal)
            {
                return Failed(url, current, lastStatus, hop == 0 ? FailureClassifier.AddressRefused : FailureClassifier.RedirectRefused, refusal);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8");
            if (validators is { IsEmpty: false })
            {
                if (!string.IsNullOrEmpty(validators.ETag))
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", validators.ETag);
                }

                if (!string.IsNullOrEmpty(validators.LastModified))
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", validators.LastModified);
                }
            }

            request.Options.Set(GuardedConnection.LocalSource, scope.LocalSource);
            request.SetPolicyExecutionContext(new Context { [FetchPolicies.AuthorityKey] = current.Authority });

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed(url, current, lastStatus, FailureClassifier.Classify(e), e.Message);
            }

            using (response)
            {
                lastStatus = (int)response.StatusCode;
                if (IsRedirect(response.StatusCode))
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return Failed(url, current, lastStatus, FailureClassifier.Http4xx, "A redirect without a Location header.");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return Failed(url, current, lastStatus, FailureClassifier.RedirectLoop, $"Redirect loop back to {next}.");
                    }

                    if (hop + 1 > settings.MaxRedirects)
                    {
                        return Failed(url, current, lastStatus, FailureClassifier.RedirectLimit, $"More than {settings.MaxRedirects} redirects.");
                    }

                    current = next;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResult
                    {
                        Status = FetchStatus.NotModified,
                        RequestedUrl = url,
                        FinalUrl = current,
                        HttpStatus = lastStatus,
                        ETag = response.Headers.ETag?.ToString() ?? validators?.ETag,
                        LastModified = LastModified(response) ?? validators?.LastModified,
                    };
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Failed(url, current, lastStatus, FailureClassifier.ForStatus(lastStatus), $"HTTP {lastStatus} {response.ReasonPhrase}".Trim());
                }

                if (response.Content is not SpooledContent spooled)
                {
                    return Failed(url, current, lastStatus, FailureClassifier.Error, "The response body was not read by the crawler's handler chain.");
                }

                // Take the spool out of the response so disposing the response leaves it to the caller.
                var body = spooled.Spool;
                var lastModified = LastModified(response);
                response.Content = new ByteArrayContent([]);
                var contentType = spooled.Headers.ContentType;
                return new FetchResult
                {
                    Status = FetchStatus.Ok,
                    RequestedUrl = url,
                    FinalUrl = current,
                    HttpStatus = lastStatus,
                    Body = body,
                    ContentType = contentType?.ToString(),
                    HeaderCharset = contentType?.CharSet?.Trim('"', '\''),
                    ETag = response.Headers.ETag?.ToString(),
                    LastModified = lastModified,
                };
            }
        }
    }

    private static string? Refusal(Uri target, FetchScope scope, CrawlerOptions settings)
    {
        if (IPAddress.TryParse(target.Host.Trim('[', ']'), out var address) &&
            !AddressPolicy.Permits(address, scope.LocalSource, settings.AllowPrivateAddresses))
        {
            return $"{address} is not a public address.";
        }

        return scope.Contains(target) ? null : $"{target.Authority} is not one of the source's hosts.";
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string? LastModified(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;

    private static FetchResult Failed(Uri url, Uri current, int status, string kind, string reason) => new()
    {
        Status = FetchStatus.Failed,
        RequestedUrl = url,
        FinalUrl = current,
        HttpStatus = status,
        FailureKind = kind,
        FailureReason = reason,
    };
}
