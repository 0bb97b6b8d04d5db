using Ingest.Records;

namespace Ingest.Tests.Records;

public sealed class ReportReaderTests
{
    private static readonly DateTimeOffset Fetched = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Lists_by_year_region_agency_era_and_check_status_page_through_continuation_tokens()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        var reports = new (string Blob, string Agency, int Year, string Region, global::Ingest.Parsing.ReportRecord Record)[]
        {
            ("a", "长沙市国资委", 2023, "湖南省长沙市", RecordSamples.Gb2021("长沙市国资委", 2023)),
            ("b", "长沙市财政局", 2023, "湖南省长沙市", RecordSamples.Gb2019("长沙市财政局", 2023)),
            ("c", "株洲市财政局", 2023, "湖南省株洲市", RecordSamples.Prose("株洲市财政局", 2023)),
            ("d", "长沙市国资委", 2022, "湖南省长沙市", RecordSamples.Prose("长沙市国资委", 2022)),
            ("e", "湘潭市统计局", 2023, "湖南省湘潭市", RecordSamples.Stat2014("湘潭市统计局", 2023)),
        };
        foreach (var r in reports)
        {
            parser.Answer(r.Blob, r.Record);
            await bed.PutRawAsync(r.Blob, RecordSamples.Capture($"http://x.gov.cn/{r.Blob}", Fetched, r.Region));
            Assert.Equal(ParseOutcomeKind.Written, (await bed.Handler.HandleAsync(r.Blob, null, CancellationToken.None)).Outcome);
        }

        var year = await AllPagesAsync(token => bed.Reader.ListReportsAsync(new ReportQuery { Year = 2023, PageSize = 2, ContinuationToken = token }, CancellationToken.None));
        Assert.Equal(4, year.Count);
        Assert.Equal(4, year.Select(s => s.ReportId).Distinct().Count());

        var changsha = await bed.Reader.ListReportsAsync(new ReportQuery { Year = 2023, Region = "湖南省长沙市" }, CancellationToken.None);
        Assert.Equal(["长沙市国资委", "长沙市财政局"], changsha.Items.Select(s => s.Agency).Order());

        var agency = await bed.Reader.ListReportsAsync(new ReportQuery { Agency = "长沙市国资委" }, CancellationToken.None);
        Assert.Equal([2022, 2023], agency.Items.Select(s => s.Year));

        var gb2021 = await bed.Reader.ListReportsAsync(new ReportQuery { Era = "gb2021" }, CancellationToken.None);
        Assert.Equal("长沙市国资委", Assert.Single(gb2021.Items).Agency);

        var failed = await bed.Reader.ListReportsAsync(new ReportQuery { ChecksStatus = ChecksStatus.Failed }, CancellationToken.None);
        Assert.Equal("长沙市国资委", Assert.Single(failed.Items).Agency);
        var yearNotChecked = await bed.Reader.ListReportsAsync(new ReportQuery { Year = 2023, ChecksStatus = ChecksStatus.None }, CancellationToken.None);
        Assert.Equal("株洲市财政局", Assert.Single(yearNotChecked.Items).Agency);

        var agencies = await AllPagesAsync(token => bed.Reader.ListAgenciesAsync(2, token, CancellationToken.None));
        Assert.Equal(4, agencies.Count);
        Assert.Equal([2022, 2023], agencies.Single(a => a.Agency == "长沙市国资委").Years);
    }

    [Fact]
    public async Task One_figure_across_a_year_includes_blank_cells_and_narrows_to_a_region()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        var a = RecordSamples.Gb2021("长沙市国资委", 2023);
        var b = RecordSamples.Gb2021("株洲市财政局", 2023, seed: 3);
        parser.Answer("a", a);
        parser.Answer("b", b);
        await bed.PutRawAsync("a", RecordSamples.Capture("http://x.gov.cn/a", Fetched, "湖南省长沙市"));
        await bed.PutRawAsync("b", RecordSamples.Capture("http://x.gov.cn/b", Fetched, "湖南省株洲市"));
        await bed.Handler.HandleAsync("a", null, CancellationToken.None);
        await bed.Handler.HandleAsync("b", null, CancellationToken.None);

        var blankInA = a.Blank[0];
        var all = await bed.Reader.ListFigureAsync(new FigureQuery(blankInA, 2023), CancellationToken.None);
        var zhuzhou = await bed.Reader.ListFigureAsync(new FigureQuery(blankInA, 2023) { Region = "湖南省株洲市" }, CancellationToken.None);

        Assert.Equal(2, all.Items.Count);
        var inA = all.Items.Single(o => o.Agency == "长沙市国资委");
        Assert.Equal(CellState.Blank, inA.State);
        Assert.Null(inA.Value);
        var only = Assert.Single(zhuzhou.Items);
        Assert.Equal("株洲市财政局", only.Agency);
        Assert.Equal(b.Figures.TryGetValue(blankInA, out var v) ? v : null, only.Value);
        var fee = Assert.Single((await bed.Reader.ListFigureAsync(new FigureQuery("proactive.art20_8.admin_fees.amount_wan_yuan", 2023) { Region = "湖南省长沙市" }, CancellationToken.None)).Items);
        Assert.Equal(12.50m, fee.Value);
        Assert.Equal("万元", fee.Unit);
    }

    [Fact]
    public async Task Hostile_input_is_refused_before_it_reaches_a_query_or_finds_nothing()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        parser.Answer("a", RecordSamples.Prose("长沙市国资委", 2016));
        await bed.PutRawAsync("a", RecordSamples.Capture("http://x.gov.cn/a", Fetched));
        await bed.Handler.HandleAsync("a", null, CancellationToken.None);

        Assert.Null(await bed.Reader.GetReportAsync("2023-x' or PartitionKey ne '", CancellationToken.None));
        Assert.NotNull(new ReportQuery().Problem());
        Assert.NotNull(new ReportQuery { Year = 2023, ContinuationToken = "forged" }.Problem());
        Assert.NotNull(new ReportQuery { Era = "gb1999" }.Problem());
        // Were the quote not escaped, "PartitionKey ne 'y'" would match every index entity.
        var quoted = await bed.Reader.ListReportsAsync(new ReportQuery { Agency = "x' or PartitionKey ne 'y" }, CancellationToken.None);
        Assert.Empty(quoted.Items);
        Assert.Single((await bed.Reader.ListReportsAsync(new ReportQuery { Agency = "长沙市国资委" }, CancellationToken.None)).Items);
    }

    private static async Task<List<T>> AllPagesAsync<T>(Func<string?, Task<ResultPage<T>>> page)
    {
        var items = new List<T>();
        string? token = null;
        var pages = 0;
        do
        {
            var result = await page(token);
            items.AddRange(result.Items);
            token = result.ContinuationToken;
            Assert.True(++pages < 20);
        }
        while (token is not null);

        return items;
    }
}
