using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Ingest.Tests.Lookup.ApiResponses;

namespace Ingest.Tests.Lookup;

[Collection(LookupApiCollection.Name)]
public sealed class FigureRoutesTests(LookupApiFixture fixture)
{
    private HttpClient Client => fixture.Open.Client;

    [Fact]
    public async Task Returns_one_figure_across_the_years_reports_as_json()
    {
        var page = await (await Client.GetAsync("/api/figures?key=applications.new.total&year=2023")).JsonAsync();

        var byReport = page.Items().ToDictionary(i => i.GetProperty("reportId").GetString()!);
        Assert.Equal(3, byReport.Count);
        Assert.Equal(120m, byReport[fixture.IdOf("cs-2023.html")].GetProperty("value").GetDecimal());
        Assert.Equal(45m, byReport[fixture.IdOf("bj-2023.html")].GetProperty("value").GetDecimal());
        var beijing = byReport[fixture.IdOf("bj-2023.html")];
        Assert.Equal(SampleReports.Beijing, beijing.GetProperty("agency").GetString());
        Assert.Equal("value", beijing.GetProperty("state").GetString());
        Assert.Equal("https://czj.beijing.gov.cn/2023.html", beijing.GetProperty("sourceUrl").GetString());
        Assert.True(beijing.GetProperty("checksOk").GetBoolean());
    }

    [Fact]
    public async Task Blank_cells_are_listed_as_blank_not_zero()
    {
        var page = await (await Client.GetAsync("/api/figures?key=applications.new.natural_person&year=2023")).JsonAsync();
        var cell = Assert.Single(page.Items());
        Assert.Equal("blank", cell.GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cell.GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Narrows_to_a_region()
    {
        var page = await (await Client.GetAsync(Url("/api/figures", ("key", "applications.new.total"), ("year", "2023"), ("region", SampleReports.ChangshaRegion)))).JsonAsync();
        Assert.Equal([fixture.IdOf("cs-2023.html")], page.Items().Select(i => i.GetProperty("reportId").GetString()));
    }

    [Fact]
    public async Task Pages_figures_by_continuation()
    {
        var first = await (await Client.GetAsync($"/api/figures?key=stat.requests.received&year={SampleReports.PagingYear}&limit=7")).JsonAsync();
        Assert.Equal(7, first.Items().Count());
        var second = await (await Client.GetAsync(first.GetProperty("next").GetString())).JsonAsync();
        Assert.Equal(SampleReports.PagingCount - 7, second.Items().Count());
        Assert.Empty(first.Items().Select(i => i.GetProperty("reportId").GetString()).Intersect(second.Items().Select(i => i.GetProperty("reportId").GetString())));
    }

    [Fact]
    public async Task Format_csv_gives_a_bom_a_header_and_rfc4180_quoting()
    {
        var response = await Client.GetAsync("/api/figures?key=applications.new.total&year=2023&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("reportId,agency,region,year,key,state,value,unit,era,checksStatus,sourceUrl", lines[0]);
        Assert.Equal("", lines[^1]);
        var rows = lines[1..^1];
        Assert.Equal(3, rows.Length);
        Assert.Contains($"{fixture.IdOf("bj-2023.html")},北京市财政局,北京市,2023,applications.new.total,value,45,,gb2021,ok,https://czj.beijing.gov.cn/2023.html", rows);
        Assert.Contains(
            $"{fixture.IdOf("awkward-2023.html")},\"O'Brien, \"\"Q\"\" 局\",\"测试,区\",2023,applications.new.total,value,7,,gb2021,ok,\"http://example.gov.cn/a,b.html\"",
            rows);
    }

    [Fact]
    public async Task Accept_text_csv_gives_csv_and_json_stays_the_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/figures?key=applications.new.total&year=2023");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await Client.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("reportId,", Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]), StringComparison.Ordinal);

        using var preferJson = new HttpRequestMessage(HttpMethod.Get, "/api/figures?key=applications.new.total&year=2023");
        preferJson.Headers.Accept.ParseAdd("application/json, text/csv;q=0.5");
        Assert.Equal("application/json", (await Client.SendAsync(preferJson)).Content.Headers.ContentType?.MediaType);

        using var overridden = new HttpRequestMessage(HttpMethod.Get, "/api/figures?key=applications.new.total&year=2023&format=json");
        overridden.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        Assert.Equal("application/json", (await Client.SendAsync(overridden)).Content.Headers.ContentType?.MediaType);

        Assert.Equal("application/json", (await Client.GetAsync("/api/figures?key=applications.new.total&year=2023")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_csv_page_carries_the_next_token_in_a_header()
    {
        var first = await Client.GetAsync($"/api/figures?key=stat.requests.received&year={SampleReports.PagingYear}&format=csv&limit=5");
        var token = first.Headers.GetValues("X-Continuation").Single();
        Assert.Equal(1 + 5, Encoding.UTF8.GetString((await first.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var whole = await Client.GetAsync($"/api/figures?key=stat.requests.received&year={SampleReports.PagingYear}&format=csv");
        Assert.False(whole.Headers.Contains("X-Continuation"));
        Assert.Equal(1 + SampleReports.PagingCount, Encoding.UTF8.GetString((await whole.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var second = await Client.GetAsync(Url("/api/figures", ("key", "stat.requests.received"), ("year", "2021"), ("format", "csv"), ("limit", "5"), ("continuation", token)));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Key_and_year_are_required()
    {
        await (await Client.GetAsync("/api/figures?year=2023")).InvalidParameterAsync("key");
        await (await Client.GetAsync("/api/figures?key=applications.new.total")).InvalidParameterAsync("year");
        await (await Client.GetAsync("/api/figures?key=applications.new.total&year=2023&format=xml")).InvalidParameterAsync("format");
    }
}
