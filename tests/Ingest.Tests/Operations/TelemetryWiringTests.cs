using System.Diagnostics;
using Ingest.Functions.Hosting.Telemetry;
using Ingest.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ingest.Tests.Operations;

/// <summary>The OpenTelemetry wiring subscribes to the core's source and meter; without an exporter it stays out of the way.</summary>
public sealed class TelemetryWiringTests
{
    [Fact]
    public void Without_console_or_Application_Insights_no_OpenTelemetry_provider_is_registered()
    {
        var services = new ServiceCollection();
        services.AddIngestTelemetry(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void Ingest_spans_and_metrics_reach_an_exporter_with_the_invocation_id_from_baggage()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var services = new ServiceCollection();
        services.AddIngestTelemetry(new ConfigurationBuilder().Build(), otel => otel
            .WithTracing(t => t.AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddInMemoryExporter(metrics)));
        var invocationId = Guid.NewGuid().ToString();
        using (var provider = services.BuildServiceProvider())
        {
            provider.StartTelemetry();
            using (var invocation = IngestTelemetry.StartActivity("test.invocation"))
            {
                invocation!.AddBaggage(IngestTelemetry.Tags.InvocationId, invocationId);
                using var inner = IngestTelemetry.StartActivity("test.child");
                IngestTelemetry.RecordsWritten.Add(1, new KeyValuePair<string, object?>(IngestTelemetry.Tags.Era, "wiring-test"));
            }

            provider.GetRequiredService<MeterProvider>().ForceFlush();
        }

        var child = Assert.Single(spans, s => s.OperationName == "test.child");
        Assert.Equal(invocationId, child.GetTagItem(IngestTelemetry.Tags.InvocationId));
        Assert.Contains(metrics, m => m.Name == "ingest.records.written");
    }
}
