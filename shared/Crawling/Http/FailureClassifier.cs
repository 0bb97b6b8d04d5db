using System.Net.Sockets;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ingest.Crawling.Http;

/// <summary>Names what went wrong in a fetch: the failure kinds of crawl state and the summary.</summary>
public static class FailureClassifier
{
    public const string Timeout = "timeout";
    public const string Reset = "reset";
    public const string Truncated = "truncated";
    public const string Network = "network";
    public const string TooLarge = "too_large";
    public const string CircuitOpen = "circuit_open";
    public const string AddressRefused = "address_refused";
    public const string RedirectRefused = "redirect_refused";
    public const string RedirectLoop = "redirect_loop";
    public const string RedirectLimit = "redirect_limit";
    public const string Http4xx = "http_4xx";
    public const string Http429 = "http_429";
    public const string Http5xx = "http_5xx";
    public const string Error = "error";

    public static string ForStatus(int status) => status switch
    {
        429 => Http429,
        >= 500 => Http5xx,
        _ => Http4xx,
    };

    public static string Classify(Exception exception)
    {
        if (Find<BodyTooLargeException>(exception) is not null)
        {
            return TooLarge;
        }

        if (Find<AddressRefusedException>(exception) is not null)
        {
            return AddressRefused;
        }

        if (exception is BrokenCircuitException)
        {
            return CircuitOpen;
        }

        if (exception is TimeoutRejectedException or OperationCanceledException || Find<TimeoutException>(exception) is not null)
        {
            return Timeout;
        }

        if (Find<SocketException>(exception) is { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
        {
            return Reset;
        }

        if (Find<HttpIOException>(exception) is { HttpRequestError: HttpRequestError.ResponseEnded } ||
            Find<HttpRequestException>(exception) is { HttpRequestError: HttpRequestError.ResponseEnded })
        {
            return Truncated;
        }

        return exception is HttpRequestException or IOException ? Network : Error;
    }

    /// <summary>True for failures another attempt may cure (network trouble, timeouts); not for our own refusals.</summary>
    public static bool IsTransient(Exception exception) =>
        Find<BodyTooLargeException>(exception) is null &&
        Find<AddressRefusedException>(exception) is null &&
        exception is HttpRequestException or IOException or TimeoutRejectedException;

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        while (exception is not null)
        {
            if (exception is T match)
            {
                return match;
            }

            exception = exception.InnerException;
        }

        return null;
    }
}
