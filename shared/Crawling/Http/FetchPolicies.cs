using System.Collections.Concurrent;
using System.Diagnostics;
using Ingest.Telemetry;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Ingest.Crawling.Http;

/// <summary>
/// The Polly policies of the crawler's HTTP client, outermost first: overall timeout → retry → circuit
/// breaker (one per host) → [politeness gate] → attempt timeout → [body cap].
/// The retry policy does not sleep itself: it hands the backoff (or Retry-After) to the host's
/// <see cref="PolitenessGate"/>, so the wait is measured on the injected <see cref="TimeProvider"/> and
/// the next attempt still queues behind the host's other requests.
/// </summary>
public sealed class FetchPolicies
{
    /// <summary>Polly context key holding the request's authority, for the retry policy's deferral.</summary>
    public const string AuthorityKey = "ingest.authority";

    private readonly ConcurrentDictionary<string, IAsyncPolicy<HttpResponseMessage>> breakers = new(StringComparer.OrdinalIgnoreCase);
    private readonly CrawlerOptions options;
    private readonly PolitenessGate gate;
    private readonly TimeProvider time;

    public FetchPolicies(IOptions<CrawlerOptions> options, PolitenessGate gate, TimeProvider time)
    {
        this.options = options.Value;
        this.gate = gate;
        this.time = time;
        Overall = Policy.TimeoutAsync<HttpResponseMessage>(this.options.OverallTimeout, TimeoutStrategy.Optimistic);
        Attempt = Policy.TimeoutAsync<HttpResponseMessage>(this.options.AttemptTimeout, TimeoutStrategy.Optimistic);
        Retry = Policy<HttpResponseMessage>
            .Handle<Exception>(FailureClassifier.IsTransient)
            .OrResult(ShouldRetry)
            .WaitAndRetryAsync(
                this.options.MaxRetries,
                (_, _, _) => TimeSpan.Zero,
                (outcome, _, retry, context) =>
                {
                    DeferHost(outcome, retry, context);
                    return Task.CompletedTask;
                });
    }

    public IAsyncPolicy<HttpResponseMessage> Overall { get; }
    public IAsyncPolicy<HttpResponseMessage> Retry { get; }
    public IAsyncPolicy<HttpResponseMessage> Attempt { get; }

    /// <summary>The circuit breaker of one host: a failing ministry site must not stop the others.</summary>
    public IAsyncPolicy<HttpResponseMessage> BreakerFor(string authority) =>
        breakers.GetOrAdd(authority, _ => Policy<HttpResponseMessage>
            .Handle<Exception>(FailureClassifier.IsTransient)
            .OrResult(r => (int)r.StatusCode >= 500)
            .CircuitBreakerAsync(
                options.CircuitBreakerFailures,
                options.CircuitBreak,
                onBreak: (_, _) => Transition(authority, "opened"),
                onReset: () => Transition(authority, "closed"),
                onHalfOpen: () => Transition(authority, "half_open")));

    private static void Transition(string authority, string state) => IngestTelemetry.BreakerTransitions.Add(
        1,
        new KeyValuePair<string, object?>(IngestTelemetry.Tags.Host, authority),
        new KeyValuePair<string, object?>(IngestTelemetry.Tags.State, state));

    private bool ShouldRetry(HttpResponseMessage response)
    {
        if (!RetryTiming.IsTransient(response.StatusCode))
        {
            return false;
        }

        // A server asking for more than we are willing to wait gets no retry in this run.
        var retryAfter = RetryTiming.RetryAfter(response, time.GetUtcNow());
        return retryAfter is null || retryAfter <= options.MaxRetryAfter;
    }

    private void DeferHost(DelegateResult<HttpResponseMessage> outcome, int retry, Context context)
    {
        var authority = context.TryGetValue(AuthorityKey, out var value) ? value as string : outcome.Result?.RequestMessage?.RequestUri?.Authority;
        if (authority is null)
        {
            return;
        }

        var reason = outcome.Result is { } failed ? ((int)failed.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : outcome.Exception?.GetType().Name ?? "unknown";
        var tags = new TagList
        {
            { IngestTelemetry.Tags.Host, authority },
            { IngestTelemetry.Tags.Reason, reason },
        };
        IngestTelemetry.CrawlRetries.Add(1, tags);
        Activity.Current?.AddEvent(new ActivityEvent("ingest.retry", tags: new ActivityTagsCollection(tags)));

        var delay = RetryTiming.Backoff(retry, options.RetryBaseDelay, Random.Shared.NextDouble());
        if (outcome.Result is { } response && RetryTiming.RetryAfter(response, time.GetUtcNow()) is { } retryAfter && retryAfter > delay)
        {
            delay = retryAfter;
        }

        gate.Defer(authority, delay);
    }
}
