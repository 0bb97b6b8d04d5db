using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ingest.Telemetry;

namespace Ingest.Tests.Operations;

/// <summary>
/// Listens to the "Ingest" ActivitySource and Meter the way an exporter would. Other tests run in the
/// same process, so assertions select by a tag only this test's data has (its fixture host, its blobs).
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener activities;
    private readonly MeterListener meters;
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();

    public TelemetryCapture()
    {
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == IngestTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
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
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue(new Measurement(instrument.Name, value, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue(new Measurement(instrument.Name, value, ToDictionary(tags))));
        meters.Start();
    }

    public IReadOnlyList<Activity> Activities => [.. stopped];

    public IReadOnlyList<Measurement> Measurements => [.. measurements];

    /// <summary>The sum of an instrument's measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) =>
        Measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v?.ToString(), t.Value?.ToString())))
            .Sum(m => m.Value);

    public void Dispose()
    {
        activities.Dispose();
        meters.Dispose();
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
