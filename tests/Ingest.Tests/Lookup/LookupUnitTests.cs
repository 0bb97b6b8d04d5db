using Ingest.Functions.Api;
using Ingest.Lookup;
using Ingest.Records;
using Ingest.Records.Storage;

namespace Ingest.Tests.Lookup;

public sealed class LookupUnitTests
{
    [Fact]
    public void A_page_token_redeems_only_for_its_own_query()
    {
        var reader = ContinuationToken.Wrap("1!8!MjAyMw--!12!cm93")!;
        var token = PageToken.Issue("reports\n\n2023", reader)!;

        Assert.True(PageToken.TryRedeem(token, "reports\n\n2023", out var back, out _));
        Assert.Equal(reader, back);
        Assert.False(PageToken.TryRedeem(token, "reports\n\n2022", out _, out var foreign));
        Assert.Contains("different query", foreign, StringComparison.Ordinal);
        Assert.False(PageToken.TryRedeem(token[..^2], "reports\n\n2023", out _, out _));
        Assert.False(PageToken.TryRedeem("!!!", "reports\n\n2023", out _, out _));
        Assert.Null(PageToken.Issue("x", null));
    }

    [Theory]
    [InlineData("2023", 2023)]
    [InlineData("1990", 1990)]
    [InlineData("2100", 2100)]
    public void Years_in_range_pass(string raw, int year)
    {
        var check = new ParameterCheck();
        Assert.Equal(year, check.Year("year", raw, required: true));
        Assert.True(check.IsValid);
    }

    [Theory]
    [InlineData("applications.new.total", true)]
    [InlineData("proactive.art20_1.normative_docs.issued", true)]
    [InlineData("prose.requests_received", true)]
    [InlineData("applications", false)]
    [InlineData(".applications.total", false)]
    [InlineData("applications.total.", false)]
    [InlineData("applications.Total", false)]
    [InlineData("applications.total\n", false)]
    [InlineData("applications.to tal", false)]
    public void Figure_keys_follow_the_canonical_grammar(string raw, bool valid)
    {
        var check = new ParameterCheck();
        check.FigureKey("key", raw, required: true);
        Assert.Equal(valid, check.IsValid);
    }

    [Fact]
    public void Csv_rows_quote_per_rfc4180_and_defuse_formulas()
    {
        var row = FigureCsv.Row(new FigureObservation(
            "2023-abc", "=HYPERLINK(\"x\")", "a\r\nb", 2023, "k.v", CellState.Value, 1234.50m, "元", "gb2021", ChecksStatus.Ok, "", "http://x/a,b"));
        Assert.Equal("2023-abc,\"'=HYPERLINK(\"\"x\"\")\",\"a\r\nb\",2023,k.v,value,1234.50,元,gb2021,ok,\"http://x/a,b\"\r\n", row);

        var blank = FigureCsv.Row(new FigureObservation("2023-abc", "局", null, 2023, "k.v", CellState.Blank, null, null, "gb2021", ChecksStatus.None, ""));
        Assert.Equal("2023-abc,局,,2023,k.v,blank,,,gb2021,none,\r\n", blank);
    }

    [Theory]
    [InlineData("text/html", "GBK", "text/html; charset=GBK")]
    [InlineData("text/html; charset=utf-8", null, "text/html; charset=utf-8")]
    [InlineData("text/html; charset=utf-8", "gb18030", "text/html; charset=gb18030")]
    [InlineData(null, null, "application/octet-stream")]
    [InlineData("not a media type", null, "application/octet-stream")]
    public void The_source_keeps_its_media_type_with_the_detected_charset(string? served, string? detected, string expected)
    {
        Assert.Equal(expected, ArchivedSource.ContentTypeOf(served, detected));
    }
}
