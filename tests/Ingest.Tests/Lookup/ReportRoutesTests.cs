using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using static Ingest.Tests.Lookup.ApiResponses;

namespace Ingest.Tests.Lookup;

[Collection(LookupApiCollection.Name)]
public sealed class ReportRoutesTests(LookupApiFixture fixture)
{
    private HttpClient Client => fixture.Open.Client;

    [Fact]
    public async Task Health_answers_ok()
    {
        var health = await (await Client.GetAsync("/api/health")).JsonAsync();
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Lists_an_agencys_reports_with_summary_fields()
    {
        var page = await (await Client.GetAsync(Url("/api/reports", ("agency", SampleReports.Changsha)))).JsonAsync();

        var items = page.Items().ToList();
        Assert.Equal([2022, 2023], items.Select(i => i.GetProperty("year").GetInt32()).Order());
        var latest = items.Single(i => i.GetProperty("year").GetInt32() == 2023);
        Assert.Equal(fixture.IdOf("cs-2023.html"), latest.GetProperty("id").GetString());
        Assert.Equal(SampleReports.Changsha, latest.GetProperty("agency").GetString());
        Assert.Equal(SampleReports.ChangshaRegion, latest.GetProperty("region").GetString());
        Assert.Equal("gb2021", latest.GetProperty("era").GetString());
        Assert.Equal("长沙市国资委2023年政府信息公开工作年度报告", latest.GetProperty("title").GetString());
        Assert.Equal("2024-01-20", latest.GetProperty("publishedAt").GetString());
        Assert.False(latest.GetProperty("checksOk").GetBoolean());
        Assert.Equal("failed", latest.GetProperty("checksStatus").GetString());
        Assert.Equal("http://www.changsha.gov.cn/xxgk/2023年报.html", latest.GetProperty("sourceUrl").GetString());
        Assert.Equal($"/api/reports/{fixture.IdOf("cs-2023.html")}", latest.GetProperty("url").GetString());
        Assert.Null(page.Continuation());
    }

    [Fact]
    public async Task Writes_chinese_as_utf8_not_escapes()
    {
        var response = await Client.GetAsync(Url("/api/reports", ("agency", SampleReports.Changsha)));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(SampleReports.Changsha, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u957F", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Lists_a_year_narrowed_to_a_region()
    {
        var all = await (await Client.GetAsync("/api/reports?year=2023")).JsonAsync();
        Assert.Equal(
            new[] { fixture.IdOf("cs-2023.html"), fixture.IdOf("bj-2023.html"), fixture.IdOf("awkward-2023.html") }.Order(),
            all.Items().Select(i => i.GetProperty("id").GetString()!).Order());

        var beijing = await (await Client.GetAsync(Url("/api/reports", ("year", "2023"), ("region", "北京市")))).JsonAsync();
        Assert.Equal([fixture.IdOf("bj-2023.html")], beijing.Items().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Lists_by_era_and_by_check_status()
    {
        var prose = await (await Client.GetAsync("/api/reports?era=prose_legacy")).JsonAsync();
        Assert.Equal([fixture.IdOf("county-2018.txt")], prose.Items().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, prose.Items().Single().GetProperty("checksOk").ValueKind);

        var failed = await (await Client.GetAsync("/api/reports?status=failed")).JsonAsync();
        Assert.Equal([fixture.IdOf("cs-2023.html")], failed.Items().Select(i => i.GetProperty("id").GetString()));

        var okIn2023 = await (await Client.GetAsync("/api/reports?year=2023&status=ok")).JsonAsync();
        Assert.Equal(
            new[] { fixture.IdOf("bj-2023.html"), fixture.IdOf("awkward-2023.html") }.Order(),
            okIn2023.Items().Select(i => i.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task A_list_without_a_partition_is_refused_naming_the_rule()
    {
        var rules = await (await Client.GetAsync("/api/reports?region=北京市")).InvalidParameterAsync("agency|year|era|status");
        Assert.Contains(rules, r => r.Contains("at least one of agency, year, era or status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_through_more_reports_than_one_page_holds()
    {
        var seen = new List<string>();
        var url = Url("/api/reports", ("year", SampleReports.PagingYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("limit", "5"));
        var pages = 0;
        string? next = url;
        while (next is not null)
        {
            var page = await (await Client.GetAsync(next)).JsonAsync();
            var items = page.Items().ToList();
            Assert.InRange(items.Count, 1, 5);
            seen.AddRange(items.Select(i => i.GetProperty("agency").GetString()!));
            pages++;
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.Equal(next is null, page.Continuation() is null);
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, SampleReports.PagingCount).Select(SampleReports.PagingAgency).Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_continuation_parameter_carries_a_page_token()
    {
        var first = await (await Client.GetAsync($"/api/reports?year={SampleReports.PagingYear}&limit=10")).JsonAsync();
        var token = first.Continuation()!;
        var second = await (await Client.GetAsync(Url("/api/reports", ("year", SampleReports.PagingYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("limit", "10"), ("continuation", token)))).JsonAsync();
        Assert.Equal(SampleReports.PagingCount - 10, second.Items().Count());
        Assert.Null(second.Continuation());
    }

    [Fact]
    public async Task A_tampered_or_foreign_continuation_is_a_400()
    {
        var first = await (await Client.GetAsync($"/api/reports?year={SampleReports.PagingYear}&limit=5")).JsonAsync();
        var token = first.Continuation()!;

        await (await Client.GetAsync(Url("/api/reports", ("year", "2021"), ("continuation", "not-a-token")))).InvalidParameterAsync("continuation");
        await (await Client.GetAsync(Url("/api/reports", ("year", "2021"), ("continuation", token[..^3])))).InvalidParameterAsync("continuation");
        var rules = await (await Client.GetAsync(Url("/api/reports", ("year", "2023"), ("continuation", token)))).InvalidParameterAsync("continuation");
        Assert.Contains(rules, r => r.Contains("different query", StringComparison.Ordinal));
        await (await Client.GetAsync(Url("/api/figures", ("key", "a.b"), ("year", "2021"), ("continuation", token)))).InvalidParameterAsync("continuation");
    }

    [Fact]
    public async Task Returns_the_full_record_with_provenance()
    {
        var id = fixture.IdOf("cs-2023.html");
        var report = await (await Client.GetAsync($"/api/reports/{id}")).JsonAsync();

        Assert.Equal(id, report.GetProperty("id").GetString());
        Assert.Equal(SampleReports.Changsha, report.GetProperty("agency").GetString());
        Assert.Equal(2023, report.GetProperty("year").GetInt32());
        Assert.Equal(120m, report.GetProperty("figures").GetProperty("applications.new.total").GetDecimal());
        Assert.Equal("1234.50", report.GetProperty("figures").GetProperty("procurement.amount").GetRawText());
        Assert.Equal("元", report.GetProperty("units").GetProperty("procurement.amount").GetString());
        Assert.Equal(["applications.new.natural_person"], report.GetProperty("blank").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["review.total"], report.GetProperty("notApplicable").EnumerateArray().Select(e => e.GetString()));
        Assert.False(report.GetProperty("figures").TryGetProperty("applications.new.natural_person", out _));
        var checks = report.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["I1", "I2"], checks.Select(c => c.GetProperty("rule").GetString()));
        Assert.False(checks[1].GetProperty("ok").GetBoolean());
        Assert.Equal(118m, checks[1].GetProperty("actual").GetDecimal());
        Assert.Equal(["表三第2行合计与分项不符"], report.GetProperty("warnings").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(SampleReports.ParserVersion, report.GetProperty("parserVersion").GetString());
        var provenance = report.GetProperty("provenance");
        Assert.Equal("cs-2023.html", provenance.GetProperty("blobName").GetString());
        Assert.Equal("http://www.changsha.gov.cn/xxgk/2023年报.html", provenance.GetProperty("sourceUrl").GetString());
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 30, 0, TimeSpan.Zero), provenance.GetProperty("fetchedAt").GetDateTimeOffset());
        Assert.Equal($"/api/reports/{id}/source", report.GetProperty("links").GetProperty("source").GetString());
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var problem = await (await Client.GetAsync("/api/reports/2023-aaaaaaaaaaaaa")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("2023-aaaaaaaaaaaaa", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await Client.GetAsync("/api/reports/2023-aaaaaaaaaaaaa/source")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/reports/not-an-id-shape")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_id_is_a_400_naming_id()
    {
        await (await Client.GetAsync("/api/reports/ABC")).InvalidParameterAsync("id");
        await (await Client.GetAsync($"/api/reports/{new string('a', 81)}")).InvalidParameterAsync("id");
        await (await Client.GetAsync("/api/reports/x'%20or%20'1'%20eq%20'1/source")).InvalidParameterAsync("id");
    }

    [Fact]
    public async Task A_record_answers_304_to_its_own_etag()
    {
        var url = $"/api/reports/{fixture.IdOf("bj-2023.html")}";
        var first = await Client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var weak = new HttpRequestMessage(HttpMethod.Get, url);
        weak.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, isWeak: true));
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(weak)).StatusCode);

        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        var changed = await Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(etag, changed.Headers.ETag);

        var otherReport = await Client.GetAsync($"/api/reports/{fixture.IdOf("cs-2023.html")}");
        Assert.NotEqual(etag, otherReport.Headers.ETag);
    }

    [Fact]
    public async Task Serves_the_archived_original_bytes_with_content_type_and_charset()
    {
        var url = $"/api/reports/{fixture.IdOf("cs-2023.html")}/source";
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SampleReports.ChangshaPage, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("GBK", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 30, 0, TimeSpan.Zero), response.Content.Headers.LastModified);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(conditional)).StatusCode);

        var plain = await Client.GetAsync($"/api/reports/{fixture.IdOf("county-2018.txt")}/source");
        Assert.Equal("text/plain", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", plain.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Unknown_routes_under_api_are_404_problems()
    {
        await (await Client.GetAsync("/api/nothing/here")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
