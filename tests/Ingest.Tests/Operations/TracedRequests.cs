using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Ingest.Telemetry;

namespace Ingest.Tests.Operations;

/// <summary>
/// Sends requests to a running app, each under a W3C trace id of its own, and keeps the "Ingest"
/// measurements and the spans recorded while the server handled them, keyed by that trace id. The
/// meter is static and other tests hit the same routes in parallel, so the trace id (which ASP.NET
/// Core's request span takes from <c>traceparent</c> and which is current while the middleware
/// records) is what tells this test's measurements from everyone else's.
/// </summary>
internal sealed class TracedRequests : IDisposable
{
    /// <summary>A deadline for a span the server must stop anyway, so a broken app fails instead of hanging.</summary>
    private static readonly TimeSpan SpanDeadline = TimeSpan.FromSeconds(30);

    private readonly HttpClient client;
    private readonly ActivityListener activities;
    private readonly MeterListener meters;
    private readonly ConcurrentQueue<TracedMeasurement> measurements = new();
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ConcurrentDictionary<ActivityTraceId, TaskCompletionSource> requestsDone = new();

    public TracedRequests(Uri baseAddress)
    {
        // No propagator: the client must send the traceparent this test chose, not one of its own.
        client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = baseAddress };

        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is IngestTelemetry.SourceName or AspNetCoreSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(activities);

        meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IngestTelemetry.SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.Start();
    }

    /// <summary>The ActivitySource of ASP.NET Core's request span (Microsoft.AspNetCore.Hosting.HttpRequestIn).</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    /// <summary>
    /// Sends <paramref name="request"/> under a new trace and returns once the server's request span has
    /// stopped, that is after the whole middleware pipeline (and so any measurement) has finished.
    /// </summary>
    public async Task<(ActivityTraceId Trace, HttpStatusCode Status)> SendAsync(HttpRequestMessage request)
    {
        var trace = ActivityTraceId.CreateRandom();
        var done = requestsDone.GetOrAdd(trace, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);
        await done.Task.WaitAsync(SpanDeadline);
        return (trace, response.StatusCode);
    }

    public Task<(ActivityTraceId Trace, HttpStatusCode Status)> GetAsync(string path) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public IReadOnlyList<TracedMeasurement> MeasurementsOf(ActivityTraceId trace) =>
        [.. measurements.Where(m => m.Trace == trace)];

    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace) =>
        [.. stopped.Where(a => a.TraceId == trace)];

    public void Dispose()
    {
        client.Dispose();
        activities.Dispose();
        meters.Dispose();
    }

    private void OnStopped(Activity activity)
    {
        stopped.Enqueue(activity);
        if (activity.Source.Name == AspNetCoreSource && activity.Parent is null && requestsDone.TryGetValue(activity.TraceId, out var done))
        {
            done.TrySetResult();
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Activity.Current is not { } current)
        {
            return;
        }

        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        measurements.Enqueue(new TracedMeasurement(current.TraceId, instrument.Name, value, dictionary));
    }

    public sealed record TracedMeasurement(ActivityTraceId Trace, string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
