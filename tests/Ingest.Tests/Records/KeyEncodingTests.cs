using Ingest.Records;
using Ingest.Records.Storage;

namespace Ingest.Tests.Records;

public sealed class KeyEncodingTests
{
    [Fact]
    public void A_report_id_is_url_safe_and_the_same_for_the_same_agency_and_year()
    {
        var id = ReportIdentity.For("长沙市国资委", 2023, "own");

        Assert.Matches("^2023-[a-z2-7]{13}$", id);
        Assert.Equal(Uri.EscapeDataString(id), id);
        Assert.Equal(id, ReportIdentity.For("长沙市国资委", 2023, null));
        // Full-width and stray whitespace variants of one name are the same agency (NFKC, trimmed).
        Assert.Equal(id, ReportIdentity.For(" 长沙市国资委 ", 2023, "own"));
        Assert.True(ReportIdentity.IsWellFormed(id));
    }

    [Fact]
    public void Different_agencies_years_and_an_aggregate_report_get_different_ids()
    {
        var own = ReportIdentity.For("长沙市国资委", 2023, "own");

        Assert.NotEqual(own, ReportIdentity.For("长沙市财政局", 2023, "own"));
        Assert.NotEqual(own, ReportIdentity.For("长沙市国资委", 2022, "own"));
        Assert.Equal(own + "-agg", ReportIdentity.For("长沙市国资委", 2023, "aggregate"));
    }

    [Theory]
    [InlineData("2023-abc")]
    [InlineData("2023-ABCDEFGHIJKLM")]
    [InlineData("2023-abcdefghijklm' or 'a'='a")]
    [InlineData("")]
    public void Malformed_ids_are_recognised(string id) => Assert.False(ReportIdentity.IsWellFormed(id));

    [Fact]
    public void Key_segments_escape_forbidden_characters_and_separators_but_keep_chinese()
    {
        Assert.Equal("raw%2F2023%7Cx%23y%3F%5C%25", KeyEncoding.Segment("raw/2023|x#y?\\%"));
        Assert.Equal("湖南省长沙市", KeyEncoding.Segment("湖南省长沙市"));
        Assert.Equal(KeyEncoding.None, KeyEncoding.Segment(null));
    }

    [Fact]
    public void Long_segments_are_shortened_uniquely()
    {
        var a = KeyEncoding.Segment("www.example.gov.cn/" + new string('a', 900));
        var b = KeyEncoding.Segment("www.example.gov.cn/" + new string('a', 899) + "b");

        Assert.True(a.Length <= 200);
        Assert.NotEqual(a, b);
        Assert.DoesNotContain('/', a);
    }

    [Fact]
    public void Continuation_tokens_round_trip_and_tampered_ones_are_rejected()
    {
        var wrapped = ContinuationToken.Wrap("2023|x 湖南|2023-abc");

        Assert.True(ContinuationToken.TryUnwrap(wrapped, out var raw));
        Assert.Equal("2023|x 湖南|2023-abc", raw);
        Assert.False(ContinuationToken.TryUnwrap("not a token!", out _));
        Assert.False(ContinuationToken.TryUnwrap(Convert.ToBase64String("x1:abc"u8.ToArray()).TrimEnd('='), out _));
        Assert.Null(ContinuationToken.Wrap(null));
    }
}
