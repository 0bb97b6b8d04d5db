using System.Net;
using Ingest.Lookup;

namespace Ingest.Tests.Lookup;

[Collection(LookupApiCollection.Name)]
public sealed class ApiKeyTests(LookupApiFixture fixture)
{
    public static TheoryData<string> GuardedRoutes { get; } = new()
    {
        "/api/reports?year=2023",
        "/api/reports/2023-aaaaaaaaaaaaa",
        "/api/reports/2023-aaaaaaaaaaaaa/source",
        "/api/figures?key=applications.new.total&year=2023",
        "/api/agencies",
        "/api/openapi.json",
    };

    [Theory]
    [MemberData(nameof(GuardedRoutes))]
    public async Task With_a_key_configured_every_route_requires_it(string url)
    {
        var client = fixture.Keyed.Client;
        var missing = await client.GetAsync(url);
        var problem = await missing.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("urn:ingest:problem:unauthorized", problem.GetProperty("type").GetString());
        Assert.Contains(LookupOptions.ApiKeyHeader, missing.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        await (await Send(client, url, "wrong-key-wrong-key-wrong-key")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await Send(client, url, LookupApiFixture.Key + "x")).ProblemAsync(HttpStatusCode.Unauthorized);

        var allowed = await Send(client, url, LookupApiFixture.Key);
        Assert.NotEqual(HttpStatusCode.Unauthorized, allowed.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed.StatusCode);
    }

    [Fact]
    public async Task Health_never_requires_a_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Keyed.Client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task A_keyed_request_gets_the_data()
    {
        var page = await (await Send(fixture.Keyed.Client, "/api/reports?year=2023", LookupApiFixture.Key)).JsonAsync();
        Assert.Equal(3, page.Items().Count());
    }

    [Fact]
    public async Task Loopback_callers_are_exempt_unless_configured_otherwise()
    {
        var page = await (await fixture.LoopbackExempt.Client.GetAsync("/api/reports?year=2023")).JsonAsync();
        Assert.Equal(3, page.Items().Count());
    }

    [Fact]
    public async Task Without_a_key_configured_the_api_is_open()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Open.Client.GetAsync("/api/agencies")).StatusCode);
    }

    [Fact]
    public async Task A_short_key_stops_the_host_at_start()
    {
        var connectionString = await Infrastructure.AzuriteHarness.ConnectionStringAsync();
        var layout = Ingest.Storage.StorageLayout.Isolated(Infrastructure.AzuriteHarness.UniqueName("lookupkey"));
        var settings = new Dictionary<string, string?> { [$"{LookupOptions.Section}:ApiKey"] = "short" };
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            LookupHost.StartAsync(connectionString, layout, settings, new Ingest.Records.ParserRelease("unused", _ => throw new InvalidOperationException())));
        Assert.Contains(nameof(LookupOptions.ApiKey), failure.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(LookupOptions.ApiKeyHeader, key);
        return client.SendAsync(request);
    }
}
