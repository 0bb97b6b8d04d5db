using System.Security.Cryptography;
using System.Text;

namespace Ingest.Archive;

/// <summary>
/// Blob names of raw captures: <c>{host}/{url-hash}/{sha256}</c>, e.g.
/// <c>gzw.changsha.gov.cn/3f9a1c0e5b7d2a41/9c4e…(64 hex)</c>. The host keeps a listing readable, the URL
/// hash (16 hex of SHA-256 of the absolute URL) groups every capture of one page, and the content hash
/// makes the name of a capture a function of its bytes: the same bytes always map to the same blob.
/// </summary>
public static class CaptureBlobName
{
    public static string For(Uri sourceUrl, string sha256)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return $"{HostSegment(sourceUrl)}/{UrlKey(sourceUrl)}/{sha256.ToLowerInvariant()}";
    }

    /// <summary>The folder holding every capture of one URL.</summary>
    public static string PrefixFor(Uri sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        return $"{HostSegment(sourceUrl)}/{UrlKey(sourceUrl)}/";
    }

    private static string HostSegment(Uri url) => url.Authority.ToLowerInvariant().Replace(':', '_');

    private static string UrlKey(Uri url) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..16];
}
