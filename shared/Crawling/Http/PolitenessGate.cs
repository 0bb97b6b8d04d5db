using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ingest.Crawling.Http;

/// <summary>
/// One request at a time per host, and a gap of at least the host's delay between the end of one
/// request and the start of the next. Every attempt — first tries, retries, robots.txt, redirects —
/// passes through here, so retries and Retry-After waits count against politeness too.
/// </summary>
public sealed class PolitenessGate
{
    private readonly ConcurrentDictionary<string, HostTurn> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider time;
    private readonly TimeSpan minDelay;

    public PolitenessGate(TimeProvider time, IOptions<CrawlerOptions> options)
    {
        this.time = time;
        minDelay = options.Value.MinDelay;
    }

    /// <summary>The gap currently applied to a host (the minimum delay, or a larger Crawl-delay).</summary>
    public TimeSpan DelayFor(string authority) => Turn(authority).Delay;

    /// <summary>Raises a host's gap to its robots.txt Crawl-delay (never below the configured minimum).</summary>
    public void SetDelay(string authority, TimeSpan delay)
    {
        var turn = Turn(authority);
        lock (turn)
        {
            turn.Delay = delay > minDelay ? delay : minDelay;

            // The gap after the request that just ended (typically robots.txt itself) is the new one too.
            if (turn.LastCompleted is { } last && last + turn.Delay > turn.NotBefore)
            {
                turn.NotBefore = last + turn.Delay;
            }
        }
    }

    /// <summary>Asks that the host not be contacted before <paramref name="delay"/> from now (backoff, Retry-After).</summary>
    public void Defer(string authority, TimeSpan delay)
    {
        var turn = Turn(authority);
        var until = time.GetUtcNow() + delay;
        lock (turn)
        {
            if (until > turn.NotBefore)
            {
                turn.NotBefore = until;
            }
        }
    }

    /// <summary>Waits for the host's turn; dispose the result when the request (body included) is over.</summary>
    public async Task<IDisposable> AcquireAsync(string authority, CancellationToken cancellationToken)
    {
        var turn = Turn(authority);
        await turn.Lock.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                DateTimeOffset notBefore;
                lock (turn)
                {
                    notBefore = turn.NotBefore;
                }

                var wait = notBefore - time.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            turn.Lock.Release();
            throw;
        }

        return new Release(this, turn);
    }

    private HostTurn Turn(string authority) => hosts.GetOrAdd(authority, _ => new HostTurn(minDelay));

    private void Complete(HostTurn turn)
    {
        lock (turn)
        {
            var now = time.GetUtcNow();
            turn.LastCompleted = now;
            var next = now + turn.Delay;
            if (next > turn.NotBefore)
            {
                turn.NotBefore = next;
            }
        }

        turn.Lock.Release();
    }

    private sealed class HostTurn(TimeSpan delay)
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public TimeSpan Delay { get; set; } = delay;
        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;
        public DateTimeOffset? LastCompleted { get; set; }
    }

    private sealed class Release(PolitenessGate gate, HostTurn turn) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                gate.Complete(turn);
            }
        }
    }
}
