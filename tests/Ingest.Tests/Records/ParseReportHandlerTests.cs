using Ingest.Parsing;
using Ingest.Records;
using Ingest.Records.Storage;

namespace Ingest.Tests.Records;

public sealed class ParseReportHandlerTests
{
    private static readonly DateTimeOffset Fetched = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Eras => ["gb2021", "gb2019", "stat2014", "prose_legacy"];

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_report_of_every_era_reads_back_with_all_its_cells_checks_warnings_and_provenance(string era)
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        var record = era switch
        {
            "gb2021" => RecordSamples.Gb2021("长沙市国资委", 2023),
            "gb2019" => RecordSamples.Gb2019("上海市人民政府办公厅", 2019),
            "stat2014" => RecordSamples.Stat2014("衡阳国家高新区管委会", 2015),
            _ => RecordSamples.Prose("福州市晋安区人民政府", 2016),
        };
        parser.Answer("2024/03/page.html", record);
        var capture = RecordSamples.Capture("http://www.example.gov.cn/xxgk/2024/page.html", Fetched);
        await bed.PutRawAsync("2024/03/page.html", capture);

        var handled = await bed.Handler.HandleAsync("2024/03/page.html", null, CancellationToken.None);

        Assert.Equal(ParseOutcomeKind.Written, handled.Outcome);
        Assert.Equal(ReportIdentity.For(record.Agency!, record.Year!.Value, record.Scope), handled.ReportId);
        var stored = await bed.Reader.GetReportAsync(handled.ReportId!, CancellationToken.None);
        Assert.NotNull(stored);
        var back = stored.Record;
        Assert.Equal(era, back.Era.Key());
        Assert.Equal(record.Figures.OrderBy(f => f.Key), back.Figures.OrderBy(f => f.Key));
        Assert.Equal(record.Blank.Order(), back.Blank.Order());
        Assert.Equal(record.NotApplicable.Order(), back.NotApplicable.Order());
        Assert.Equal(record.Units.Where(u => record.Figures.ContainsKey(u.Key)).OrderBy(u => u.Key), back.Units.OrderBy(u => u.Key));
        Assert.Equal(record.Checks, back.Checks);
        Assert.Equal(record.Warnings, back.Warnings);
        Assert.Equal(record.ChecksOk, back.ChecksOk);
        Assert.Equal((record.Title, record.Agency, record.AgencyAsWritten, record.Year, record.PublishedAt, record.IndexNo), (back.Title, back.Agency, back.AgencyAsWritten, back.Year, back.PublishedAt, back.IndexNo));
        Assert.Equal("test-1", back.ParserVersion);
        Assert.Equal("湖南省长沙市", stored.Region);
        Assert.Equal("2024/03/page.html", stored.Provenance.BlobName);
        Assert.Equal(capture.SourceUrl, stored.Provenance.SourceUrl);
        Assert.Equal(Fetched, stored.Provenance.FetchedAt);
        Assert.Equal("test-1", stored.Provenance.ParserVersion);
        Assert.Equal("2024/03/page.html", await bed.Reader.GetRawBlobNameAsync(handled.ReportId!, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_blob_delivered_twice_is_one_record_and_the_second_delivery_does_nothing()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        parser.Answer("a.html", RecordSamples.Gb2021("长沙市国资委", 2023));
        await bed.PutRawAsync("a.html", RecordSamples.Capture("http://a.gov.cn/a.html", Fetched));

        var first = await bed.Handler.HandleAsync("a.html", null, CancellationToken.None);
        var writesAfterFirst = bed.Requests.Writes;
        var second = await bed.Handler.HandleAsync("a.html", BinaryData.FromString("<html>报告</html>").ToMemory(), CancellationToken.None);

        Assert.Equal(ParseOutcomeKind.Written, first.Outcome);
        Assert.Equal(ParseOutcomeKind.AlreadyDone, second.Outcome);
        Assert.Equal(first.ReportId, second.ReportId);
        Assert.Equal(1, parser.Calls("a.html"));
        Assert.Equal(writesAfterFirst, bed.Requests.Writes);
        var year = await bed.Reader.ListReportsAsync(new ReportQuery { Year = 2023 }, CancellationToken.None);
        Assert.Single(year.Items);
        Assert.Single((await bed.Reader.ListFigureAsync(new FigureQuery("applications.new.total", 2023), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_report_with_more_than_one_hundred_cells_is_written_in_several_valid_transactions()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        var record = RecordSamples.Gb2021("长沙市国资委", 2023);
        parser.Answer("big.html", record);
        await bed.PutRawAsync("big.html", RecordSamples.Capture("http://a.gov.cn/big.html", Fetched));

        var handled = await bed.Handler.HandleAsync("big.html", null, CancellationToken.None);

        var cells = record.Figures.Count + record.Blank.Count + record.NotApplicable.Count;
        Assert.True(cells > 200);
        var reportBatches = bed.Requests.Batches.Where(b => b.PartitionKeys.Contains(handled.ReportId!)).ToList();
        Assert.True(reportBatches.Count >= 3, $"{reportBatches.Count} transactions");
        Assert.All(bed.Requests.Batches, b =>
        {
            Assert.InRange(b.Operations, 1, 100);
            Assert.Single(b.PartitionKeys);
            Assert.True(b.PayloadBytes < 4 * 1024 * 1024);
        });
        var partition = await bed.EntitiesAsync(bed.Layout.ReportsTable, handled.ReportId!);
        Assert.Equal(cells + record.Checks.Count + record.Warnings.Count + 1, partition.Count);
    }

    [Fact]
    public async Task A_page_that_is_not_a_report_is_quarantined_with_its_reason_and_the_blob_stays()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        parser.Answer("notice.html", RecordSamples.NotAReport("title names a work plan (工作要点), not an annual report"));
        await bed.PutRawAsync("notice.html", RecordSamples.Capture("http://a.gov.cn/notice.html", Fetched));

        var handled = await bed.Handler.HandleAsync("notice.html", null, CancellationToken.None);

        Assert.Equal(ParseOutcomeKind.Quarantined, handled.Outcome);
        var failures = await bed.Reader.ListFailuresAsync(FailureKind.NotAReport, 10, null, CancellationToken.None);
        var failure = Assert.Single(failures.Items);
        Assert.Equal("notice.html", failure.BlobName);
        Assert.Contains("工作要点", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("test-1", failure.ParserVersion);
        Assert.Equal("http://a.gov.cn/notice.html", failure.SourceUrl);
        Assert.Empty((await bed.Reader.ListFailuresAsync(FailureKind.ParseError, 10, null, CancellationToken.None)).Items);
        Assert.True(await bed.Storage.RawContainer.GetBlobClient("notice.html").ExistsAsync());
        Assert.Equal(ParseOutcomeKind.AlreadyDone, (await bed.Handler.HandleAsync("notice.html", null, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_report_without_a_year_is_a_parse_error_not_a_guess()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        parser.Answer("noyear.html", RecordSamples.Prose("长沙市国资委", 2016) with { Year = null });
        await bed.PutRawAsync("noyear.html", RecordSamples.Capture("http://a.gov.cn/noyear.html", Fetched));

        var handled = await bed.Handler.HandleAsync("noyear.html", null, CancellationToken.None);

        Assert.Equal(ParseOutcomeKind.Quarantined, handled.Outcome);
        var failure = Assert.Single((await bed.Reader.ListFailuresAsync(FailureKind.ParseError, 10, null, CancellationToken.None)).Items);
        Assert.Contains("year", failure.Reason, StringComparison.Ordinal);
        Assert.Empty((await bed.Reader.ListFailuresAsync(FailureKind.NotAReport, 10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_blob_that_keeps_failing_is_poisoned_at_the_nth_attempt_with_its_reason()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser, settings: new Dictionary<string, string?> { ["Ingest:Records:MaxAttempts"] = "3" });
        parser.Answer("bad.html", () => throw new InvalidDataException("table 三 has 6 columns"));
        await bed.PutRawAsync("bad.html", RecordSamples.Capture("http://a.gov.cn/bad.html", Fetched));

        var outcomes = new List<ParseOutcomeKind>();
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add((await bed.Handler.HandleAsync("bad.html", null, CancellationToken.None)).Outcome);
        }

        Assert.Equal([ParseOutcomeKind.Failed, ParseOutcomeKind.Failed, ParseOutcomeKind.Poisoned, ParseOutcomeKind.AlreadyDone], outcomes);
        Assert.Equal(3, parser.Calls("bad.html"));
        var failure = Assert.Single((await bed.Reader.ListFailuresAsync(FailureKind.Poison, 10, null, CancellationToken.None)).Items);
        Assert.Equal(3, failure.Attempts);
        Assert.Contains("table 三 has 6 columns", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("test-1", failure.ParserVersion);
        Assert.True(await bed.Storage.RawContainer.GetBlobClient("bad.html").ExistsAsync());
    }

    [Fact]
    public async Task A_newer_capture_supersedes_an_older_one_and_never_the_reverse()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        parser.Answer("old.html", RecordSamples.Prose("长沙市国资委", 2016) with { Title = "old capture" });
        parser.Answer("new.html", RecordSamples.Prose("长沙市国资委", 2016) with { Title = "new capture" });
        await bed.PutRawAsync("old.html", RecordSamples.Capture("http://a.gov.cn/r.html", Fetched));
        await bed.PutRawAsync("new.html", RecordSamples.Capture("http://a.gov.cn/r.html", Fetched.AddDays(30)));

        var newer = await bed.Handler.HandleAsync("new.html", null, CancellationToken.None);
        var older = await bed.Handler.HandleAsync("old.html", null, CancellationToken.None);

        Assert.Equal(ParseOutcomeKind.Written, newer.Outcome);
        Assert.Equal(ParseOutcomeKind.Superseded, older.Outcome);
        Assert.Equal(newer.ReportId, older.ReportId);
        var stored = await bed.Reader.GetReportAsync(newer.ReportId!, CancellationToken.None);
        Assert.Equal("new capture", stored!.Record.Title);
        Assert.Equal("new.html", stored.Provenance.BlobName);

        // And in the other order, the newer one replaces the older.
        parser.Answer("newest.html", RecordSamples.Prose("长沙市国资委", 2016) with { Title = "newest capture" });
        await bed.PutRawAsync("newest.html", RecordSamples.Capture("http://a.gov.cn/r2.html", Fetched.AddDays(60)));
        Assert.Equal(ParseOutcomeKind.Written, (await bed.Handler.HandleAsync("newest.html", null, CancellationToken.None)).Outcome);
        Assert.Equal("newest capture", (await bed.Reader.GetReportAsync(newer.ReportId!, CancellationToken.None))!.Record.Title);
        Assert.Single((await bed.Reader.ListReportsAsync(new ReportQuery { Year = 2016 }, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Re_parsing_with_a_changed_figure_set_leaves_no_stale_cells_or_index_entities()
    {
        var v1 = new ScriptedParser("1.0");
        await using (var bed1 = await RecordsTestBed.CreateAsync(v1))
        {
            v1.Answer("r.html", RecordSamples.Stat2014("衡阳国家高新区管委会", 2015));
            await bed1.PutRawAsync("r.html", RecordSamples.Capture("http://a.gov.cn/r.html", Fetched));
            Assert.Equal(ParseOutcomeKind.Written, (await bed1.Handler.HandleAsync("r.html", null, CancellationToken.None)).Outcome);

            var v2 = new ScriptedParser("2.0");
            await using var bed2 = await RecordsTestBed.CreateAsync(v2, bed1.Layout);
            var changed = RecordSamples.Stat2014("衡阳国家高新区管委会", 2015);
            var figures = changed.Figures.Where(f => f.Key != "stat.org.staff_total").ToDictionary();
            figures["stat.requests.closed"] = 6;
            v2.Answer("r.html", changed with { Figures = figures, Blank = [], Checks = [new CheckResult("stat.requests.received", "channels", false, 6, 5)], Warnings = [] });

            var handled = await bed2.Handler.HandleAsync("r.html", null, CancellationToken.None);

            Assert.Equal(ParseOutcomeKind.Written, handled.Outcome);
            var stored = await bed2.Reader.GetReportAsync(handled.ReportId!, CancellationToken.None);
            Assert.Equal(figures.Keys.Order(), stored!.Record.Figures.Keys.Order());
            Assert.Empty(stored.Record.Blank);
            Assert.Empty(stored.Record.Warnings);
            Assert.Equal("2.0", stored.Record.ParserVersion);
            Assert.Empty((await bed2.Reader.ListFigureAsync(new FigureQuery("stat.org.staff_total", 2015), CancellationToken.None)).Items);
            Assert.Empty((await bed2.Reader.ListFigureAsync(new FigureQuery("stat.org.dedicated_bodies", 2015), CancellationToken.None)).Items);
            Assert.Single((await bed2.Reader.ListFigureAsync(new FigureQuery("stat.requests.closed", 2015), CancellationToken.None)).Items);
            // The check now fails: the report moved from the "ok" index partition to "failed".
            Assert.Empty((await bed2.Reader.ListReportsAsync(new ReportQuery { ChecksStatus = ChecksStatus.Ok }, CancellationToken.None)).Items);
            Assert.Single((await bed2.Reader.ListReportsAsync(new ReportQuery { ChecksStatus = ChecksStatus.Failed }, CancellationToken.None)).Items);
            var partition = await bed2.EntitiesAsync(bed2.Layout.ReportsTable, handled.ReportId!);
            Assert.Equal(figures.Count + 1 + 1, partition.Count);
        }
    }

    [Fact]
    public async Task A_blob_that_a_new_parser_reads_as_another_year_moves_its_report_instead_of_duplicating_it()
    {
        var v1 = new ScriptedParser("1.0");
        await using var bed1 = await RecordsTestBed.CreateAsync(v1);
        v1.Answer("r.html", RecordSamples.Prose("长沙市国资委", 2016));
        await bed1.PutRawAsync("r.html", RecordSamples.Capture("http://a.gov.cn/r.html", Fetched));
        var first = await bed1.Handler.HandleAsync("r.html", null, CancellationToken.None);

        var v2 = new ScriptedParser("2.0");
        await using var bed2 = await RecordsTestBed.CreateAsync(v2, bed1.Layout);
        v2.Answer("r.html", RecordSamples.Prose("长沙市国资委", 2017));
        var second = await bed2.Handler.HandleAsync("r.html", null, CancellationToken.None);

        Assert.NotEqual(first.ReportId, second.ReportId);
        Assert.Null(await bed2.Reader.GetReportAsync(first.ReportId!, CancellationToken.None));
        Assert.Empty((await bed2.Reader.ListReportsAsync(new ReportQuery { Year = 2016 }, CancellationToken.None)).Items);
        var agencies = await bed2.Reader.ListAgenciesAsync(100, null, CancellationToken.None);
        Assert.Equal([2017], Assert.Single(agencies.Items).Years);
    }

    [Fact]
    public async Task Text_longer_than_a_table_string_goes_to_a_blob_and_reads_back_whole()
    {
        var parser = new ScriptedParser();
        await using var bed = await RecordsTestBed.CreateAsync(parser);
        var longTitle = string.Concat(Enumerable.Repeat("政府信息公开工作年度报告", 4000));
        var longWarning = new string('警', 40_000);
        parser.Answer("long.html", RecordSamples.Prose("长沙市国资委", 2016) with { Title = longTitle, Warnings = ["short", longWarning] });
        await bed.PutRawAsync("long.html", RecordSamples.Capture("http://a.gov.cn/long.html", Fetched));

        var handled = await bed.Handler.HandleAsync("long.html", null, CancellationToken.None);

        Assert.Equal(ParseOutcomeKind.Written, handled.Outcome);
        var stored = await bed.Reader.GetReportAsync(handled.ReportId!, CancellationToken.None);
        Assert.Equal(longTitle, stored!.Record.Title);
        Assert.Equal(["short", longWarning], stored.Record.Warnings);
        var partition = await bed.EntitiesAsync(bed.Layout.ReportsTable, handled.ReportId!);
        Assert.All(partition, e => Assert.All(e.Select(p => p.Value).OfType<string>(), v => Assert.True(v.Length <= EntityLimits.MaxStringChars)));
        Assert.NotNull(partition.Single(e => e.RowKey == "record").GetString("TitleBlob"));
    }
}
