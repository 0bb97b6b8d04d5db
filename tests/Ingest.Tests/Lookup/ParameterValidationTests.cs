using static Ingest.Tests.Lookup.ApiResponses;

namespace Ingest.Tests.Lookup;

/// <summary>Every bound of every parameter: 400 problem+json naming the parameter.</summary>
[Collection(LookupApiCollection.Name)]
public sealed class ParameterValidationTests(LookupApiFixture fixture)
{
    private HttpClient Client => fixture.Open.Client;

    [Theory]
    [InlineData("/api/reports?year=1989", "year")]
    [InlineData("/api/reports?year=2101", "year")]
    [InlineData("/api/reports?year=20x3", "year")]
    [InlineData("/api/reports?year=2023.0", "year")]
    [InlineData("/api/reports?year=%2B2023", "year")]
    [InlineData("/api/reports?year=2023%0A", "year")]
    [InlineData("/api/reports?year=2023&year=2022", "year")]
    [InlineData("/api/reports?year=2023&limit=0", "limit")]
    [InlineData("/api/reports?year=2023&limit=201", "limit")]
    [InlineData("/api/reports?year=2023&limit=-1", "limit")]
    [InlineData("/api/reports?year=2023&limit=ten", "limit")]
    [InlineData("/api/reports?era=gb2099", "era")]
    [InlineData("/api/reports?era=GB2021", "era")]
    [InlineData("/api/reports?status=bad", "status")]
    [InlineData("/api/reports?status=OK", "status")]
    [InlineData("/api/figures?key=Applications.new.total&year=2023", "key")]
    [InlineData("/api/figures?key=applications&year=2023", "key")]
    [InlineData("/api/figures?key=applications..total&year=2023", "key")]
    [InlineData("/api/figures?key=applications.new.total%0A&year=2023", "key")]
    [InlineData("/api/figures?key=applications.new.total&year=2023&limit=1000", "limit")]
    [InlineData("/api/agencies?limit=500", "limit")]
    [InlineData("/api/agencies?q=%01abc", "q")]
    public async Task Bad_input_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var rules = await (await Client.GetAsync(url)).InvalidParameterAsync(parameter);
        Assert.NotEmpty(rules);
    }

    [Theory]
    [InlineData("agency", 100)]
    [InlineData("region", 100)]
    public async Task Text_parameters_are_bounded(string parameter, int max)
    {
        var atLimit = await Client.GetAsync(Url("/api/reports", ("year", "2023"), (parameter, new string('局', max))));
        Assert.Equal(System.Net.HttpStatusCode.OK, atLimit.StatusCode);
        await (await Client.GetAsync(Url("/api/reports", ("year", "2023"), (parameter, new string('局', max + 1))))).InvalidParameterAsync(parameter);
    }

    [Fact]
    public async Task A_figure_key_longer_than_200_characters_is_a_400()
    {
        var key = "a." + new string('b', 199);
        await (await Client.GetAsync(Url("/api/figures", ("key", key), ("year", "2023")))).InvalidParameterAsync("key");
    }

    [Fact]
    public async Task Every_bad_parameter_is_named_at_once()
    {
        var response = await Client.GetAsync("/api/reports?year=1&limit=0&era=x&status=y");
        foreach (var parameter in new[] { "year", "limit", "era", "status" })
        {
            using var copy = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(await response.Content.ReadAsStringAsync()) };
            copy.Content.Headers.ContentType = response.Content.Headers.ContentType;
            await copy.InvalidParameterAsync(parameter);
        }
    }

    [Fact]
    public async Task The_limit_defaults_to_50_and_caps_pages()
    {
        var page = await (await Client.GetAsync($"/api/reports?year={SampleReports.PagingYear}&limit=3")).JsonAsync();
        Assert.Equal(3, page.Items().Count());
        var defaulted = await (await Client.GetAsync($"/api/reports?year={SampleReports.PagingYear}")).JsonAsync();
        Assert.Equal(SampleReports.PagingCount, defaulted.Items().Count());
    }
}
