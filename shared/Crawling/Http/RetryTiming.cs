using System.Net;

namespace Ingest.Crawling.Http;

/// <summary>How long to wait before a retry: exponential backoff with jitter, or the server's Retry-After if longer.</summary>
public static class RetryTiming
{
    /// <summary>
    /// <paramref name="retry"/> counts from 1. <paramref name="jitter"/> in [0, 1) spreads the delay over
    /// ±20 % so that many crawlers backing off from one server do not return in step.
    /// </summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, double jitter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
        return TimeSpan.FromMilliseconds(exponential * (0.8 + (0.4 * jitter)));
    }

    /// <summary>The Retry-After of a response (seconds or an HTTP-date), or null.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Statuses worth another try: 408, 429 and server errors other than "not implemented" ones.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests ||
        ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);
}
