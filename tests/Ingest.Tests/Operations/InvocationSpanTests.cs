using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ingest.Functions.Hosting.Invocation;
using Ingest.Telemetry;
using Ingest.Tests.Functions;

namespace Ingest.Tests.Operations;

/// <summary>
/// The Functions host's invocation id reaches the handler's spans (ASP.NET Core's request span and the
/// invocation span), so a trace can be found from the id the host logged.
/// </summary>
public sealed class InvocationSpanTests
{
    [Theory]
    [InlineData("ParseReport")]
    [InlineData("ScheduleCrawl")]
    public async Task The_request_span_and_the_invocation_span_carry_the_hosts_invocation_id(string function)
    {
        await using var server = await HandlerServer.StartAsync();
        using var traced = new TracedRequests(server.Client.BaseAddress!);
        var invocationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function)
        {
            // Malformed on purpose: the invocation answers 400 without touching the crawler or parser.
            Content = new StringContent("""{"Data":""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(InvocationRequest.InvocationIdHeader, invocationId);

        var (trace, answered) = await traced.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answered);
        var spans = traced.SpansOf(trace);
        var requestSpan = Assert.Single(spans, s => s.Source.Name == TracedRequests.AspNetCoreSource);
        Assert.Equal(invocationId, requestSpan.GetTagItem(IngestTelemetry.Tags.InvocationId));
        var invocationSpan = Assert.Single(spans, s => s.Source.Name == IngestTelemetry.SourceName && s.OperationName == "ingest.invocation " + function);
        Assert.Equal(invocationId, invocationSpan.GetTagItem(IngestTelemetry.Tags.InvocationId));
        Assert.Equal(function, invocationSpan.GetTagItem("faas.name"));
        Assert.Equal(requestSpan.SpanId, invocationSpan.ParentSpanId);
    }
}
