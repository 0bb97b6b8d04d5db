using Ingest.Crawling;
using Ingest.Crawling.Http;
using Ingest.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ingest.Tests.Crawling;

/// <summary>The per-host gate on a fake clock: no sleeping, exact times.</summary>
public sealed class PolitenessGateTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);

    private static (PolitenessGate Gate, WatchedClock Time) Create()
    {
        var time = new WatchedClock(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero));
        return (new PolitenessGate(time, Options.Create(new CrawlerOptions { MinDelaySeconds = Delay.TotalSeconds })), time);
    }

    [Fact]
    public async Task The_next_request_to_a_host_waits_the_delay_after_the_previous_one_ended()
    {
        var (gate, time) = Create();
        (await gate.AcquireAsync("a.gov.cn", CancellationToken.None)).Dispose();

        var second = gate.AcquireAsync("a.gov.cn", CancellationToken.None);
        time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();
    }

    [Fact]
    public async Task Only_one_request_per_host_is_in_flight_and_other_hosts_do_not_wait()
    {
        var (gate, time) = Create();
        var first = await gate.AcquireAsync("a.gov.cn", CancellationToken.None);
        var sameHost = gate.AcquireAsync("a.gov.cn", CancellationToken.None);
        var otherHost = gate.AcquireAsync("b.gov.cn", CancellationToken.None);

        Assert.True(otherHost.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(sameHost.IsCompleted); // still held: time alone does not release a turn

        // The waiter resumes on the thread pool; advance only once it is parked on the delay.
        var timers = time.TimersCreated;
        first.Dispose();
        await time.TimerAfterAsync(timers);
        time.Advance(Delay);
        (await sameHost).Dispose();
        (await otherHost).Dispose();
    }

    [Fact]
    public async Task A_deferral_such_as_Retry_After_pushes_the_next_turn_back()
    {
        var (gate, time) = Create();
        (await gate.AcquireAsync("a.gov.cn", CancellationToken.None)).Dispose();
        gate.Defer("a.gov.cn", TimeSpan.FromSeconds(20));

        var next = gate.AcquireAsync("a.gov.cn", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await next).Dispose();
    }

    [Fact]
    public async Task A_crawl_delay_larger_than_the_minimum_applies_from_the_request_that_just_ended()
    {
        var (gate, time) = Create();
        (await gate.AcquireAsync("a.gov.cn", CancellationToken.None)).Dispose();
        gate.SetDelay("a.gov.cn", TimeSpan.FromSeconds(10));
        gate.SetDelay("b.gov.cn", TimeSpan.FromSeconds(1));

        var next = gate.AcquireAsync("a.gov.cn", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await next).Dispose();
        Assert.Equal(Delay, gate.DelayFor("b.gov.cn")); // never below the configured minimum
    }

    [Fact]
    public async Task A_cancelled_wait_gives_the_turn_back()
    {
        var (gate, time) = Create();
        (await gate.AcquireAsync("a.gov.cn", CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();
        var waiting = gate.AcquireAsync("a.gov.cn", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        var again = gate.AcquireAsync("a.gov.cn", CancellationToken.None);
        time.Advance(Delay);
        (await again).Dispose();
    }
}
