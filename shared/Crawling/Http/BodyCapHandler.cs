using Microsoft.Extensions.Options;

namespace Ingest.Crawling.Http;

/// <summary>
/// Reads a successful response's body inside the attempt — so a reset or truncated body, or a slow
/// drip past the attempt timeout, is a failed attempt the retry policy sees — and never more than the cap.
/// </summary>
internal sealed class BodyCapHandler(IOptions<CrawlerOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || request.Method == HttpMethod.Head)
        {
            return response;
        }

        var max = options.Value.MaxBodyBytes;
        try
        {
            if (response.Content.Headers.ContentLength > max)
            {
                throw new BodyTooLargeException($"Content-Length {response.Content.Headers.ContentLength} is larger than the cap of {max} bytes.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var spool = await BodySpool.ReadAsync(stream, max, cancellationToken);
            var spooled = new SpooledContent(spool);
            foreach (var header in response.Content.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    spooled.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            response.Content.Dispose();
            response.Content = spooled;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
