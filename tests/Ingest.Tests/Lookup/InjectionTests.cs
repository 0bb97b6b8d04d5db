using System.Net;
using System.Text.RegularExpressions;
using static Ingest.Tests.Lookup.ApiResponses;

namespace Ingest.Tests.Lookup;

/// <summary>
/// OData injection through every parameter: free text must reach storage only inside string literals
/// (checked on the filters actually sent), grammar-bound parameters are refused before any query.
/// </summary>
[Collection(LookupApiCollection.Name)]
public sealed partial class InjectionTests(LookupApiFixture fixture)
{
    public static TheoryData<string> Payloads { get; } = new()
    {
        "' or ''='",
        "x' or PartitionKey ne 'x",
        "') or (RowKey ge '",
        "长沙市国资委' or Agency ne '",
        "' or 1 eq 1 or '",
        "or",
        "eq",
        "PartitionKey gt ''",
        "%27 or true",
        "\\' or '\\",
        "a|b%7C",
        string.Concat(Enumerable.Repeat("' or '", 20))[..100],
    };

    private LookupHost Host => fixture.Open;

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Free_text_parameters_stay_inside_string_literals(string payload)
    {
        var urls = new[]
        {
            Url("/api/reports", ("agency", payload)),
            Url("/api/reports", ("agency", SampleReports.Changsha), ("region", payload)),
            Url("/api/reports", ("year", "2023"), ("region", payload)),
            Url("/api/reports", ("era", "gb2021"), ("region", payload)),
            Url("/api/reports", ("status", "ok"), ("region", payload)),
            Url("/api/figures", ("key", "applications.new.total"), ("year", "2023"), ("region", payload)),
            Url("/api/agencies", ("q", payload)),
        };
        foreach (var url in urls)
        {
            Host.Filters.Clear();
            var page = await (await Host.Client.GetAsync(url)).JsonAsync();
            Assert.Empty(page.Items());
            Assert.NotEmpty(Host.Filters.Filters);
            foreach (var filter in Host.Filters.Filters)
            {
                var outside = StringLiteral().Replace(filter, "''");
                Assert.Matches(OnlyOurGrammar(), outside);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Grammar_bound_parameters_refuse_injection(string payload)
    {
        var client = Host.Client;
        await (await client.GetAsync(Url("/api/reports", ("year", payload)))).InvalidParameterAsync("year");
        await (await client.GetAsync(Url("/api/reports", ("era", payload)))).InvalidParameterAsync("era");
        await (await client.GetAsync(Url("/api/reports", ("status", payload)))).InvalidParameterAsync("status");
        await (await client.GetAsync(Url("/api/reports", ("year", "2023"), ("limit", payload)))).InvalidParameterAsync("limit");
        await (await client.GetAsync(Url("/api/reports", ("year", "2023"), ("continuation", payload)))).InvalidParameterAsync("continuation");
        await (await client.GetAsync(Url("/api/figures", ("key", payload), ("year", "2023")))).InvalidParameterAsync("key");
        await (await client.GetAsync(Url("/api/figures", ("key", "a.b"), ("year", "2023"), ("format", payload)))).InvalidParameterAsync("format");
        foreach (var path in new[] { $"/api/reports/{Uri.EscapeDataString(payload)}", $"/api/reports/{Uri.EscapeDataString(payload)}/source" })
        {
            var response = await client.GetAsync(path);
            if (IdShape().IsMatch(payload))
            {
                // "or", "eq": harmless words that have the id's shape; no such report.
                await response.ProblemAsync(HttpStatusCode.NotFound);
            }
            else
            {
                await response.InvalidParameterAsync("id");
            }
        }
    }

    [Fact]
    public async Task Very_long_values_are_refused_in_every_parameter()
    {
        var client = Host.Client;
        var huge = new string('\'', 1500);
        await (await client.GetAsync(Url("/api/reports", ("agency", huge)))).InvalidParameterAsync("agency");
        await (await client.GetAsync(Url("/api/reports", ("year", "2023"), ("region", huge)))).InvalidParameterAsync("region");
        await (await client.GetAsync(Url("/api/agencies", ("q", huge)))).InvalidParameterAsync("q");
        await (await client.GetAsync(Url("/api/figures", ("key", "a." + new string('b', 1500)), ("year", "2023")))).InvalidParameterAsync("key");
        await (await client.GetAsync(Url("/api/reports", ("year", "2023"), ("continuation", new string('A', 1500))))).InvalidParameterAsync("continuation");
        await (await client.GetAsync(Url("/api/reports", ("year", new string('2', 1500))))).InvalidParameterAsync("year");
        await (await client.GetAsync(Url("/api/reports", ("year", "2023"), ("limit", new string('1', 1500))))).InvalidParameterAsync("limit");
        await (await client.GetAsync($"/api/reports/{new string('a', 1500)}")).InvalidParameterAsync("id");
    }

    [Fact]
    public async Task Quotes_in_a_real_name_match_exactly_that_name()
    {
        var page = await (await Host.Client.GetAsync(Url("/api/reports", ("agency", SampleReports.Awkward)))).JsonAsync();
        Assert.Equal([fixture.IdOf("awkward-2023.html")], page.Items().Select(i => i.GetProperty("id").GetString()));

        var region = await (await Host.Client.GetAsync(Url("/api/reports", ("year", "2023"), ("region", SampleReports.AwkwardRegion)))).JsonAsync();
        Assert.Equal([fixture.IdOf("awkward-2023.html")], region.Items().Select(i => i.GetProperty("id").GetString()));

        var agencies = await (await Host.Client.GetAsync(Url("/api/agencies", ("q", "O'Brien")))).JsonAsync();
        Assert.Equal([SampleReports.Awkward], agencies.Items().Select(i => i.GetProperty("agency").GetString()));
    }

    [GeneratedRegex("^[a-z0-9-]{1,80}$")]
    private static partial Regex IdShape();

    /// <summary>An OData string literal: quotes doubled inside.</summary>
    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    /// <summary>What may stand outside literals in the filters the read side builds.</summary>
    [GeneratedRegex(@"^(?:\s|\(|\)|''|PartitionKey|RowKey|Region|Era|ChecksStatus|eq|ge|lt|and)*$")]
    private static partial Regex OnlyOurGrammar();
}
