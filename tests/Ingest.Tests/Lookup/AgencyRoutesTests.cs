using static Ingest.Tests.Lookup.ApiResponses;

namespace Ingest.Tests.Lookup;

[Collection(LookupApiCollection.Name)]
public sealed class AgencyRoutesTests(LookupApiFixture fixture)
{
    private HttpClient Client => fixture.Open.Client;

    [Fact]
    public async Task Lists_agencies_with_their_years()
    {
        var page = await (await Client.GetAsync("/api/agencies?limit=200")).JsonAsync();
        var agencies = page.Items().ToDictionary(i => i.GetProperty("agency").GetString()!);

        Assert.Equal(4 + SampleReports.PagingCount, agencies.Count);
        var changsha = agencies[SampleReports.Changsha];
        Assert.Equal([2022, 2023], changsha.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(2, changsha.GetProperty("reportCount").GetInt32());
        Assert.Equal(Url("/api/reports", ("agency", SampleReports.Changsha)), changsha.GetProperty("reports").GetString());
    }

    [Fact]
    public async Task Q_matches_the_start_of_the_name()
    {
        var changsha = await (await Client.GetAsync(Url("/api/agencies", ("q", "长沙")))).JsonAsync();
        Assert.Equal([SampleReports.Changsha], changsha.Items().Select(i => i.GetProperty("agency").GetString()));

        var paging = await (await Client.GetAsync(Url("/api/agencies", ("q", "分页测试局"), ("limit", "5")))).JsonAsync();
        Assert.Equal(5, paging.Items().Count());
        Assert.NotNull(paging.Continuation());

        var middle = await (await Client.GetAsync(Url("/api/agencies", ("q", "国资委")))).JsonAsync();
        Assert.Empty(middle.Items());
    }

    [Fact]
    public async Task Q_longer_than_100_characters_is_a_400()
    {
        await (await Client.GetAsync(Url("/api/agencies", ("q", new string('局', 101))))).InvalidParameterAsync("q");
    }
}
