using System.Diagnostics;
using System.Net;
using System.Text;
using Ingest.Telemetry;
using Ingest.Tests.Functions;

namespace Ingest.Tests.Operations;

/// <summary>
/// <c>ingest.api.requests</c> and <c>ingest.api.duration</c> through the real handler app on Kestrel:
/// one series per route template and status code, and nothing for the Functions host's invocation routes.
/// </summary>
public sealed class ApiMetricsTests
{
    private const string Requests = "ingest.api.requests";
    private const string Duration = "ingest.api.duration";

    [Theory]
    [InlineData("/api/health", "/api/health", HttpStatusCode.OK)]
    [InlineData("/api/reports?year=abc", "/api/reports", HttpStatusCode.BadRequest)]
    [InlineData("/api/reports/nonexistent-id-0", "/api/reports/{id}", HttpStatusCode.NotFound)]
    [InlineData("/api/no-such-route/17", "/api/{**path}", HttpStatusCode.NotFound)]
    public async Task An_api_request_is_counted_and_timed_once_under_its_route_template_and_status(string path, string route, HttpStatusCode status)
    {
        await using var server = await HandlerServer.StartAsync();
        using var traced = new TracedRequests(server.Client.BaseAddress!);

        var (trace, answered) = await traced.GetAsync(path);

        Assert.Equal(status, answered);
        var measured = traced.MeasurementsOf(trace);
        var count = Assert.Single(measured, m => m.Instrument == Requests);
        Assert.Equal(1, count.Value);
        Assert.Equal(route, count.Tags[IngestTelemetry.Tags.Route]);
        Assert.Equal((int)status, count.Tags[IngestTelemetry.Tags.StatusCode]);
        var duration = Assert.Single(measured, m => m.Instrument == Duration);
        Assert.True(duration.Value > 0, $"The duration was {duration.Value} ms.");
        Assert.Equal(count.Tags, duration.Tags);
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("POST", "/ScheduleCrawl")]
    [InlineData("POST", "/ParseReport")]
    public async Task A_request_outside_api_is_not_measured(string method, string path)
    {
        await using var server = await HandlerServer.StartAsync();
        using var traced = new TracedRequests(server.Client.BaseAddress!);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            // Malformed on purpose: the invocation answers 400 without touching the crawler or parser.
            request.Content = new StringContent("""["not a payload"]""", Encoding.UTF8, "application/json");
        }

        var (trace, answered) = await traced.SendAsync(request);

        Assert.Equal(method == "POST" ? HttpStatusCode.BadRequest : HttpStatusCode.OK, answered);
        Assert.Contains(traced.SpansOf(trace), span => span.Source.Name == TracedRequests.AspNetCoreSource);
        Assert.DoesNotContain(traced.MeasurementsOf(trace), m => m.Instrument is Requests or Duration);
    }

    [Fact]
    public async Task Requests_for_different_report_ids_share_one_series()
    {
        await using var server = await HandlerServer.StartAsync();
        using var traced = new TracedRequests(server.Client.BaseAddress!);

        ActivityTraceId[] traces =
        [
            (await traced.GetAsync("/api/reports/nonexistent-id-1")).Trace,
            (await traced.GetAsync("/api/reports/nonexistent-id-2")).Trace,
        ];

        var routes = traces.SelectMany(traced.MeasurementsOf).Where(m => m.Instrument == Requests).Select(m => m.Tags[IngestTelemetry.Tags.Route]).ToList();
        Assert.Equal(["/api/reports/{id}", "/api/reports/{id}"], routes);
    }
}
