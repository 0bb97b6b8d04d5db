using System.Text;
using Ingest.Parsing;

namespace Ingest.Tests.Parsing;

/// <summary>Layouts, encodings, checks and the not-a-report rules on the built fixtures.</summary>
public sealed class LayoutAndCheckTests
{
    [Fact]
    public void The_gbk_page_is_gbk_on_disk_and_parses_exactly_like_its_utf8_twin()
    {
        var gbkBytes = ReportFixtures.Bytes("gb2021_word_spans_gbk.html");
        Assert.False(System.Text.Unicode.Utf8.IsValid(gbkBytes), "the GBK fixture must hold GBK bytes, not UTF-8");
        Assert.Contains("市国资委", Encoding.GetEncoding("gb18030").GetString(gbkBytes), StringComparison.Ordinal);
        var gbk = ReportFixtures.Parse("gb2021_word_spans_gbk.html");
        var utf8 = ReportFixtures.Parse("gb2021_word_spans.html");

        Assert.Equal("gb18030", gbk.Charset);
        Assert.Equal("2023年度市国资委政府信息公开工作年度报告", gbk.Title);
        Assert.Equal(utf8.Figures, gbk.Figures);
        Assert.Equal(utf8.TextDigest, gbk.TextDigest);
        Assert.Equal(utf8.Agency, gbk.Agency);
    }

    [Fact]
    public void Code_pages_are_registered_before_anglesharp_decodes_a_gb2312_stream()
    {
        _ = typeof(ReportParser).Assembly;
        Assert.Equal(54936, Encoding.GetEncoding("gb18030").CodePage);
        Assert.NotNull(Encoding.GetEncoding("gb2312"));

        using var stream = new MemoryStream(ReportFixtures.Bytes("stat2014_hengyang_gbk.html"));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(stream);
        Assert.Equal("衡阳国家高新区管委会2015年度政府信息公开工作年度报告", document.Title);
    }

    [Fact]
    public void Word_spans_2021_resolve_the_abbreviated_agency_and_read_thousands_and_full_width_digits()
    {
        var record = ReportFixtures.Parse("gb2021_word_spans.html");

        Assert.Equal("长沙市国资委", record.Agency);
        Assert.Equal("site_owner", record.AgencySource);
        Assert.Equal(1126m, record.Figures["proactive.art20_5.licensing.decisions"]);
        Assert.Equal(37m, record.Figures["proactive.art20_6.penalty.decisions"]);
        Assert.Equal(12.5m, record.Figures["proactive.art20_8.admin_fees.amount_wan_yuan"]);
        Assert.Equal(50m, record.Figures["applications.new.total"]);
        Assert.Equal(5m, record.Figures["applications.outcome.withheld.total.total"]);
        Assert.Contains("applications.outcome.withheld.total.total", record.Derived);
        Assert.Equal(2m, record.Figures["applications.outcome.other.total.total"]);
        Assert.True(record.ChecksOk);
    }

    [Fact]
    public void The_2019_table_two_is_read_by_ordinal_despite_disagreeing_spans()
    {
        var record = ReportFixtures.Parse("gb2019_sh_spans.html");

        Assert.Equal(ReportEra.Gb2019, record.Era);
        Assert.Equal(5m, record.Figures["proactive2019.art20_1.regulations.new_made"]);
        Assert.Equal(5m, record.Figures["proactive2019.art20_1.regulations.new_published"]);
        Assert.Equal(61m, record.Figures["proactive2019.art20_1.regulations.total_published"]);
        Assert.Equal(-3m, record.Figures["proactive2019.art20_5.other_external_services.yoy_change"]);
        Assert.Equal(12m, record.Figures["proactive2019.art20_5.licensing.yoy_change"]);
        Assert.Equal(251000m, record.Figures["proactive2019.art20_9.central_procurement.total_amount"]);
        Assert.Equal("元", record.Units["proactive2019.art20_9.central_procurement.total_amount"]);
        Assert.False(record.Figures.Keys.Any(k => k.StartsWith("proactive.", StringComparison.Ordinal)), "2019 columns must not be mapped onto 2021 keys");

        // SH2019 leaves （一）予以公开 总计 blank: listed as blank, no figure, and I1 still checks out by recomputation.
        Assert.Contains("applications.outcome.disclosed.total", record.Blank);
        Assert.False(record.Figures.ContainsKey("applications.outcome.disclosed.total"));
        Assert.Contains(record.Checks, c => c.Rule == "I1" && c.Scope == "applications.total" && c.Ok && c.Expected == 877);
        Assert.Equal(0m, record.Figures["applications.outcome.other.total.total"]);
        Assert.DoesNotContain("applications.outcome.other.total.total", record.Derived);
    }

    [Fact]
    public void Tables_that_do_not_add_up_fail_with_expected_and_actual_and_keep_the_printed_numbers()
    {
        var record = ReportFixtures.Parse("gb2021_checks_fail_split_table.html");

        Assert.True(record.IsReport);
        Assert.False(record.ChecksOk);
        var failing = record.Checks.Where(c => !c.Ok).Select(c => (c.Rule, c.Scope, c.Expected, c.Actual)).ToList();
        Assert.Equal(
            [
                ("I1", "applications.total", 55m, 53m),
                ("I2", "applications.outcome.natural_person", 42m, 43m),
                ("I2", "applications.outcome.total", 51m, 52m),
                ("I3", "applications.new", 52m, 50m),
                ("I4", "review", 3m, 2m),
            ],
            failing);
        Assert.Equal(52m, record.Figures["applications.new.total"]);
        Assert.Equal(3m, record.Figures["review.total"]);
        Assert.Contains(record.Warnings, w => w.Contains("I4", StringComparison.Ordinal) && w.Contains("expected 3, actual 2", StringComparison.Ordinal));
        Assert.Equal(175, record.Figures.Keys.Count(k => k.StartsWith("applications.", StringComparison.Ordinal) && !record.Derived.Contains(k)));
    }

    [Fact]
    public void Blank_totals_are_blanks_not_zeros_and_their_checks_use_recomputed_totals()
    {
        var record = ReportFixtures.Parse("gb2021_blank_totals.html");

        Assert.Equal(25, record.Blank.Count(k => k.EndsWith(".total", StringComparison.Ordinal) && k.StartsWith("applications.", StringComparison.Ordinal)));
        Assert.False(record.Figures.ContainsKey("applications.new.total"));
        Assert.DoesNotContain(record.Checks, c => c.Rule == "I3");
        Assert.Contains(record.Checks, c => c.Rule == "I1" && c.Scope == "applications.total" && c.Ok && c.Expected == 53);
    }

    [Fact]
    public void An_all_blank_2019_template_has_only_blanks_and_no_checks()
    {
        var record = ReportFixtures.Parse("gb2019_township_empty_cells.html");

        Assert.Equal(ReportEra.Gb2019, record.Era);
        Assert.Empty(record.Figures);
        Assert.Equal(161 + 15, record.Blank.Count);
        Assert.Empty(record.Checks);
        Assert.Null(record.ChecksOk);
    }

    [Fact]
    public void Pipe_flattened_2021_tables_join_wrapped_labels_and_read_every_row()
    {
        var record = ReportFixtures.Parse("gb2021_pipe_flattened.html");

        Assert.Equal(ReportEra.Gb2021, record.Era);
        Assert.Equal(16m, record.Figures["applications.new.total"]);
        Assert.Equal(3m, record.Figures["applications.carried_forward.total"]);
        Assert.Equal(86m, record.Figures["proactive.art20_5.licensing.decisions"]);
        Assert.Equal(15, record.Figures.Keys.Count(k => k.StartsWith("review.", StringComparison.Ordinal) || k.StartsWith("litigation.", StringComparison.Ordinal)));
        Assert.True(record.ChecksOk);
        Assert.Empty(record.Warnings);
    }

    [Fact]
    public void A_capture_cut_inside_the_tables_is_quarantined_with_its_reason()
    {
        var record = ReportFixtures.Parse("gb2021_truncated_mid_table.html");

        Assert.False(record.IsReport);
        Assert.StartsWith("truncated capture", record.NotReportReason, StringComparison.Ordinal);
        Assert.Equal(ReportEra.Gb2021, record.Era);
        Assert.False(record.Figures.ContainsKey("applications.outcome.total.total"));
    }

    [Theory]
    [InlineData("interpretation_tujie.html", "companion page")]
    [InlineData("listing_annual_reports.html", "listing page")]
    [InlineData("empty.html", "empty input")]
    [InlineData("binary_attachment.htm", "binary content")]
    public void Pages_that_are_not_reports_say_why(string fixture, string reason)
    {
        var record = ReportFixtures.Parse(fixture);

        Assert.False(record.IsReport);
        Assert.Contains(reason, record.NotReportReason, StringComparison.Ordinal);
        Assert.Equal(ReportEra.Unknown, record.Era);
        Assert.NotEmpty(record.Warnings);
    }

    [Fact]
    public void Navigation_and_spam_footer_are_not_main_text()
    {
        var record = ReportFixtures.Parse("prose_nav_spam_mirror.html");

        Assert.True(record.IsReport);
        Assert.True(record.MirrorSuspect);
        Assert.Equal("长沙市国资委政府信息公开工作2017年度报告", record.Title);
        Assert.Equal(6m, record.Figures["prose.requests_received"]);
        var seedText = ReportFixtures.Parse("seed_000_changsha_sasac_2017.txt");
        Assert.Equal(seedText.Figures, record.Figures);
    }
}
