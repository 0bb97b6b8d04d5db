using System.Net;
using System.Text.Json.Nodes;
using Ingest.Functions.Cli;
using Ingest.Functions.Hosting.Handler;
using Ingest.Functions.Hosting.LocalStorage;
using Microsoft.Extensions.Options;

namespace Ingest.Tests.Functions;

public sealed class HandlerStartupTests
{
    /// <summary>Storage on a port where nothing listens: any I/O at start-up would fail or hang.</summary>
    private static readonly string DeadStorage =
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
        "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public async Task The_handler_answers_the_hosts_readiness_probe_without_touching_storage_or_seeds()
    {
        await using var server = await HandlerServer.StartAsync(
            settings: new Dictionary<string, string?> { ["Ingest:Host:SeedsPath"] = "/nonexistent/seeds.json" },
            connectionString: DeadStorage);

        using var response = await server.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["ScheduleCrawl", "CrawlSource", "ParseReport"], body["functions"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task The_handler_listens_on_loopback_only()
    {
        await using var server = await HandlerServer.StartAsync(connectionString: DeadStorage);

        Assert.Equal("127.0.0.1", server.Client.BaseAddress!.Host);
    }

    [Fact]
    public async Task A_malformed_payload_through_the_real_core_replies_400_and_writes_nothing()
    {
        await using var server = await HandlerServer.StartAsync();

        using var parse = await server.InvokeAsync("ParseReport", """{"Data":{"page":"%%%"},"Metadata":{"name":"\"2023/a.html\""}}""", "application/json");
        using var crawl = await server.InvokeAsync("CrawlSource", HostPayloads.Queue("{\"host\":\"\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, parse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, crawl.StatusCode);
        Assert.False(await server.Storage.RawContainer.ExistsAsync());
        Assert.False(await server.Storage.CrawlQueue.ExistsAsync());
    }

    [Theory]
    [InlineData("0 2 * * *", "expected 6 NCRONTAB fields")]
    [InlineData("* */15 * * * *", "fires every second")]
    [InlineData("0 0 25 * * *", "CRAWL_SCHEDULE")]
    public async Task An_unusable_schedule_stops_start_up_with_a_message_naming_the_setting(string schedule, string expected)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            HandlerServer.StartAsync(settings: new Dictionary<string, string?> { ["CRAWL_SCHEDULE"] = schedule }, connectionString: DeadStorage));

        Assert.Contains("CRAWL_SCHEDULE", failure.Message, StringComparison.Ordinal);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_range_settings_are_reported_together_with_their_environment_names()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            HandlerServer.StartAsync(
                settings: new Dictionary<string, string?> { ["Ingest:Host:MaxDequeueCount"] = "0", ["Ingest:Host:CrawlConcurrency"] = "1000" },
                connectionString: DeadStorage));

        Assert.Contains("Ingest__Host__MaxDequeueCount=0", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Ingest__Host__CrawlConcurrency=1000", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("51234", 51234)]
    [InlineData("0", null)]
    [InlineData("port", null)]
    [InlineData(null, null)]
    public void The_port_comes_from_FUNCTIONS_CUSTOMHANDLER_PORT(string? value, int? expected)
    {
        Assert.Equal(expected, HandlerApp.AssignedPort(name => name == HandlerApp.PortVariable ? value : null));
    }

    [Fact]
    public void The_legacy_port_variable_is_honoured()
    {
        Assert.Equal(7000, HandlerApp.AssignedPort(name => name == HandlerApp.LegacyPortVariable ? "7000" : null));
    }

    [Fact]
    public async Task The_handler_verb_is_registered_and_named_in_host_json()
    {
        var verb = VerbCatalog.Find("handler");
        Assert.NotNull(verb);

        var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "host.json")))!;
        var description = hostJson["customHandler"]!["description"]!;
        Assert.Equal("handler", description["arguments"]![0]!.GetValue<string>());
        Assert.Equal("Ingest.Functions", description["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(hostJson["customHandler"]!["enableProxyingHttpRequest"]!.GetValue<bool>());
    }
}
