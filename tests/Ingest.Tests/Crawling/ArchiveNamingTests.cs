using Ingest.Archive;

namespace Ingest.Tests.Crawling;

public sealed class ArchiveNamingTests
{
    [Fact]
    public void Capture_names_are_host_then_url_hash_then_content_hash_and_stable()
    {
        var url = new Uri("http://gzw.changsha.gov.cn:8080/zfxxgk/ndbg/201801/t20180129_253709.html");
        var sha = new string('a', 64);

        var name = CaptureBlobName.For(url, sha);

        Assert.Equal(name, CaptureBlobName.For(new Uri(url.AbsoluteUri), sha));
        Assert.StartsWith("gzw.changsha.gov.cn_8080/", name, StringComparison.Ordinal);
        Assert.EndsWith("/" + sha, name, StringComparison.Ordinal);
        Assert.StartsWith(CaptureBlobName.PrefixFor(url), name, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9._-]+/[0-9a-f]{16}/[0-9a-f]{64}$", name);
        Assert.NotEqual(CaptureBlobName.PrefixFor(url), CaptureBlobName.PrefixFor(new Uri(url, "t20180129_253710.html")));
    }
}
