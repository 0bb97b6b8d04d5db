using System.Net;
using System.Text;
using System.Text.Json;
using Ingest.Functions.Hosting.Core;
using Ingest.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ingest.Tests.Functions;

/// <summary>POST /ParseReport as the host sends it for a binary blob trigger on raw/{name}.</summary>
public sealed class ParseReportInvocationTests
{
    private static readonly byte[] GbkPage = Gbk(
        "<html><head><meta charset=\"gbk\"><title>长沙市国资委2023年政府信息公开工作年度报告</title></head>" +
        "<body><p>本年度收到政府信息公开申请3件。</p></body></html>");

    internal static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(text);
    }

    private static async Task<(HandlerServer Server, RecordingReportParsing Parsing)> StartAsync(ParseOutcomeKind outcome = ParseOutcomeKind.Written)
    {
        var parsing = new RecordingReportParsing(outcome);
        var server = await HandlerServer.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<IReportParsing>(parsing)));
        return (server, parsing);
    }

    [Fact]
    public async Task A_GBK_page_arrives_as_base64_and_reaches_the_parser_byte_exact_under_its_unwrapped_name()
    {
        var (server, parsing) = await StartAsync();
        await using var _ = server;

        using var response = await server.InvokeAsync("ParseReport", HostPayloads.Blob("2023/长沙/report-17.html", GbkPage));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (name, content) = Assert.Single(parsing.Calls);
        Assert.Equal("2023/长沙/report-17.html", name);
        Assert.Equal(GbkPage, content);
    }

    [Fact]
    public async Task The_reply_is_application_json_with_Outputs_Logs_and_ReturnValue()
    {
        var (server, _) = await StartAsync();
        await using var __ = server;

        using var response = await server.InvokeAsync("ParseReport", HostPayloads.Blob("2023/a.html", GbkPage));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, reply.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Null, reply.RootElement.GetProperty("ReturnValue").ValueKind);
        var log = Assert.Single(reply.RootElement.GetProperty("Logs").EnumerateArray()).GetString();
        Assert.Contains("2023/a.html: Written", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_invocation_is_handled_again_and_its_retry_context_logged()
    {
        var (server, parsing) = await StartAsync();
        await using var _ = server;

        using var response = await server.InvokeAsync("ParseReport", HostPayloads.Blob("2023/a.html", GbkPage, HostPayloads.RetryContext(2, 5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(parsing.Calls);
        Assert.True(server.Logs.Contains(LogLevel.Information, "retry 2 of 5"), "The retry context was not logged.");
        Assert.True(server.Logs.Contains(LogLevel.Information, "Exception while executing function"), "The previous exception was not logged.");
    }

    [Fact]
    public async Task A_parse_that_failed_this_time_replies_500_and_is_logged_by_the_handler()
    {
        var (server, _) = await StartAsync(ParseOutcomeKind.Failed);
        await using var __ = server;

        using var response = await server.InvokeAsync("ParseReport", HostPayloads.Blob("2023/a.html", GbkPage));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(server.Logs.Contains(LogLevel.Warning, "2023/a.html"), "The failure was not logged by the handler.");
    }

    [Theory]
    [InlineData(ParseOutcomeKind.Quarantined)]
    [InlineData(ParseOutcomeKind.AlreadyDone)]
    [InlineData(ParseOutcomeKind.Superseded)]
    [InlineData(ParseOutcomeKind.Poisoned)]
    public async Task Outcomes_that_must_not_be_retried_reply_200(ParseOutcomeKind outcome)
    {
        var (server, _) = await StartAsync(outcome);
        await using var __ = server;

        using var response = await server.InvokeAsync("ParseReport", HostPayloads.Blob("2023/a.html", GbkPage));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"Data":{"page":"PGh0bWw+"},"Metadata":{}}""", "Metadata.name")]
    [InlineData("""{"Data":{"page":"not base64 at all!"},"Metadata":{"name":"\"2023/a.html\""}}""", "base64")]
    [InlineData("""{"Data":{"page":{"text":"<html>"}},"Metadata":{"name":"\"2023/a.html\""}}""", "base64")]
    [InlineData("""{"Data":{"page":"PGh0bWw+"},"Metadata":{"name":"\"../x/a.html\""}}""", "not a blob name")]
    [InlineData("""{"Metadata":{"name":"\"2023/a.html\""}}""", "no Data")]
    [InlineData("""{"Data":{"page":"PGh0bWw+"},""", "not valid JSON")]
    [InlineData("""["Data"]""", "JSON object")]
    public async Task A_malformed_payload_replies_400_with_the_reason_and_reaches_nothing(string body, string reason)
    {
        var (server, parsing) = await StartAsync();
        await using var _ = server;

        using var response = await server.InvokeAsync("ParseReport", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(parsing.Calls);
        Assert.True(server.Logs.Contains(LogLevel.Warning, reason), "The rejected payload was not logged.");
    }

    [Fact]
    public async Task A_body_that_is_not_json_replies_400()
    {
        var (server, parsing) = await StartAsync();
        await using var _ = server;

        using var response = await server.InvokeAsync("ParseReport", "page=PGh0bWw+", "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(parsing.Calls);
    }

    [Fact]
    public async Task A_blob_above_Kestrels_default_30_MB_limit_still_arrives_whole()
    {
        var (server, parsing) = await StartAsync();
        await using var _ = server;
        var page = new byte[24 * 1024 * 1024];
        Random.Shared.NextBytes(page);

        using var response = await server.InvokeAsync("ParseReport", HostPayloads.Blob("2023/big.html", page));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(page, Assert.Single(parsing.Calls).Content);
    }
}
