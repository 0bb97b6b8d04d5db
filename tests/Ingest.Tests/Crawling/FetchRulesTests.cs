using System.Net;
using Ingest.Crawling.Http;

namespace Ingest.Tests.Crawling;

public sealed class FetchRulesTests
{
    [Theory]
    [InlineData(1, 2000)]
    [InlineData(2, 4000)]
    [InlineData(3, 8000)]
    public void Backoff_doubles_per_retry_within_twenty_percent_jitter(int retry, double middleMs)
    {
        var low = RetryTiming.Backoff(retry, TimeSpan.FromSeconds(2), 0.0);
        var mid = RetryTiming.Backoff(retry, TimeSpan.FromSeconds(2), 0.5);
        var high = RetryTiming.Backoff(retry, TimeSpan.FromSeconds(2), 0.999999);
        Assert.Equal(middleMs, mid.TotalMilliseconds, 3);
        Assert.Equal(middleMs * 0.8, low.TotalMilliseconds, 3);
        Assert.True(high.TotalMilliseconds < middleMs * 1.2 && high.TotalMilliseconds > middleMs * 1.19);
    }

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_an_HTTP_date()
    {
        var now = new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "120");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 Jan 2026 02:00:30 GMT");
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 Jan 2026 01:00:00 GMT");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(120), RetryTiming.RetryAfter(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryTiming.RetryAfter(date, now));
        Assert.Equal(TimeSpan.Zero, RetryTiming.RetryAfter(past, now));
        Assert.Null(RetryTiming.RetryAfter(none, now));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(501, false)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    public void Only_transient_statuses_are_retried(int status, bool transient) =>
        Assert.Equal(transient, RetryTiming.IsTransient((HttpStatusCode)status));

    [Theory]
    [InlineData("8.8.8.8", false, true)]
    [InlineData("203.0.113.7", false, true)]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("10.1.2.3", true, false)]
    [InlineData("172.16.0.1", false, false)]
    [InlineData("172.32.0.1", false, true)]
    [InlineData("192.168.0.10", false, false)]
    [InlineData("169.254.169.254", true, false)]
    [InlineData("100.64.0.1", false, false)]
    [InlineData("0.0.0.0", false, false)]
    [InlineData("::1", false, false)]
    [InlineData("::1", true, true)]
    [InlineData("fe80::1", false, false)]
    [InlineData("fd00::1", false, false)]
    [InlineData("::ffff:10.0.0.1", false, false)]
    [InlineData("2001:4860:4860::8888", false, true)]
    public void Only_public_addresses_are_reachable_and_loopback_only_for_local_sources(string address, bool localSource, bool permitted) =>
        Assert.Equal(permitted, AddressPolicy.Permits(IPAddress.Parse(address), localSource, allowPrivate: false));

    [Fact]
    public void Allowing_private_addresses_opens_every_range()
    {
        Assert.True(AddressPolicy.Permits(IPAddress.Parse("10.0.0.1"), localSource: false, allowPrivate: true));
        Assert.True(AddressPolicy.Permits(IPAddress.Parse("127.0.0.1"), localSource: false, allowPrivate: true));
    }

    [Fact]
    public void The_fetch_scope_is_the_sources_hosts_with_or_without_www()
    {
        var scope = new FetchScope(new HashSet<string> { "www.hunan.gov.cn", "gzw.sz.gov.cn" }, LocalSource: false);
        Assert.True(scope.Contains(new Uri("http://www.hunan.gov.cn/a.html")));
        Assert.True(scope.Contains(new Uri("https://hunan.gov.cn/a.html")));
        Assert.True(scope.Contains(new Uri("http://www.gzw.sz.gov.cn/a")));
        Assert.False(scope.Contains(new Uri("http://hunan.gov.cn.evil.example/a")));
        Assert.False(scope.Contains(new Uri("http://www.hunan.gov.cn:8080/a")));
        Assert.False(scope.Contains(new Uri("ftp://www.hunan.gov.cn/a")));
    }
}
