using Ingest.Parsing;

namespace Ingest.Tests.Parsing;

/// <summary>The key numbers of the five seed pages, asserted one by one (independently of the goldens).</summary>
public sealed class SeedFigureTests
{
    [Fact]
    public void Seed_001_flattened_tables_are_read_as_gb2021_with_every_I1_column_passing()
    {
        var record = ReportFixtures.Parse("seed_001_sasac_2023_flattened.txt");

        Assert.True(record.IsReport);
        Assert.Equal(ReportEra.Gb2021, record.Era);
        Assert.Equal(2023, record.Year);
        Assert.Equal(new DateOnly(2024, 1, 15), record.PublishedAt);
        Assert.Equal("777228020/2024-110771", record.IndexNo);
        Assert.Equal("市国资委", record.AgencyAsWritten);
        Assert.Equal(2m, record.Figures["applications.new.total"]);
        Assert.Equal(2m, record.Figures["applications.new.natural_person"]);
        Assert.Equal(2m, record.Figures["applications.outcome.disclosed.natural_person"]);
        Assert.Equal(0m, record.Figures["applications.carried_forward.total"]);
        Assert.Equal(0m, record.Figures["review.total"]);
        Assert.Equal(0m, record.Figures["litigation.after_review.total"]);
        Assert.Equal(0m, record.Figures["proactive.art20_8.admin_fees.amount_wan_yuan"]);
        Assert.Equal(175, record.Figures.Keys.Count(k => k.StartsWith("applications.", StringComparison.Ordinal) && !record.Derived.Contains(k)));

        var i1 = record.Checks.Where(c => c.Rule == "I1").ToList();
        Assert.Equal(7, i1.Count);
        Assert.All(i1, c => Assert.True(c.Ok, c.Scope));
        Assert.Contains(i1, c => c.Scope == "applications.total" && c.Expected == 2 && c.Actual == 2);
        Assert.True(record.ChecksOk);
    }

    [Fact]
    public void Seed_002_statistics_table_keeps_blank_apart_from_stated_none()
    {
        var record = ReportFixtures.Parse("seed_002_hengyang_2015_stat_pipes.txt");

        Assert.Equal(ReportEra.Stat2014, record.Era);
        Assert.Equal(1860m, record.Figures["stat.proactive.total"]);
        Assert.Equal(1030m, record.Figures["stat.proactive.channel.website"]);
        Assert.Equal(830m, record.Figures["stat.proactive.channel.other"]);
        Assert.Equal(70m, record.Figures["stat.org.budget_wan_yuan"]);
        Assert.Equal(3m, record.Figures["stat.org.staff_total"]);

        // 三、依申请公开情况 | —— | 无: its blank children are stated zeros, not blanks.
        Assert.Equal(0m, record.Figures["stat.requests.received"]);
        Assert.Contains("stat.requests.received", record.StatedNone);
        Assert.DoesNotContain("stat.requests.received", record.Blank);

        // 1.政府公报公开政府信息数 | 条 | (empty) under a section without 无: a blank, and no figure.
        Assert.Contains("stat.proactive.channel.gazette", record.Blank);
        Assert.False(record.Figures.ContainsKey("stat.proactive.channel.gazette"));
        Assert.Equal(2015, record.Year);
    }

    [Fact]
    public void Seed_000_prose_figures_avoid_the_hotline_and_percent_traps()
    {
        var record = ReportFixtures.Parse("seed_000_changsha_sasac_2017.txt");

        Assert.Equal(ReportEra.ProseLegacy, record.Era);
        Assert.Equal(2017, record.Year);
        Assert.Equal(new DateOnly(2018, 1, 29), record.PublishedAt);
        Assert.Equal("长沙市国资委", record.Agency);
        Assert.Equal(6m, record.Figures["prose.requests_received"]);
        Assert.Equal(20m, record.Figures["prose.consultations"]);
        Assert.Equal(17m, record.Figures["prose.staff_total"]);
        Assert.Equal(2m, record.Figures["prose.staff_full_time"]);
        Assert.Equal(15m, record.Figures["prose.staff_part_time"]);
        Assert.DoesNotContain(record.Figures.Values, v => v is 56m or 100m or 12345m or 410013m);
        Assert.True(record.MirrorSuspect, "the footer '365体育官方中文版 版权所有' is an injected spam footer");
    }

    [Fact]
    public void Seed_003_review_zero_does_not_imply_litigation()
    {
        var record = ReportFixtures.Parse("seed_003_shenzhen_sasac_2019_prose.txt");

        Assert.Equal(5m, record.Figures["prose.requests_received"]);
        Assert.Equal(0m, record.Figures["prose.review_cases"]);
        Assert.False(record.Figures.ContainsKey("prose.litigation_cases"));
        Assert.Equal("深圳市国资委", record.Agency);
        Assert.Equal(2019, record.Year);
    }

    [Fact]
    public void Seed_004_reads_index_number_and_the_zero_requests_phrase()
    {
        var record = ReportFixtures.Parse("seed_004_hunan_jiguan_2015_prose.txt");

        Assert.Equal("430S00039/2016-89879", record.IndexNo);
        Assert.Equal(0m, record.Figures["prose.requests_received"]);
        Assert.Equal(2015, record.Year);
        Assert.Equal("湖南省机关事务管理局", record.Agency);
        Assert.DoesNotContain(record.Figures.Values, v => v is 7511889m or 965686m);
    }
}
