using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Ingest.Tests.Infrastructure;

/// <summary>
/// A fake clock that lets a test wait until the code under test is parked on it. Code that waits reads
/// the time, then creates its timer; a test that advances the clock in between moves past a timer that
/// does not exist yet, and that timer then never fires. So a test advances only after the timer it
/// expects has been created. (Sleeping "a moment" first was not enough on a loaded machine.)
/// </summary>
internal sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private int _timersCreated;

    /// <summary>How many timers (each <c>Task.Delay</c> on this clock makes one) have been created so far.</summary>
    public int TimersCreated => Volatile.Read(ref _timersCreated);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timersCreated);
        return timer;
    }

    /// <summary>Waits until more than <paramref name="seen"/> timers have been created; fails after half a minute.</summary>
    public async Task TimerAfterAsync(int seen)
    {
        var waited = Stopwatch.StartNew();
        while (TimersCreated <= seen)
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Nothing started waiting on the clock within {Patience} (timers created: {TimersCreated}).");
            }

            await Task.Delay(10);
        }
    }
}
