using System.Net;
using System.Net.Sockets;

namespace Ingest.Crawling.Http;

/// <summary>
/// Which addresses a fetch may connect to. Public addresses always; loopback only for a source that is
/// itself local (tests, the demo site); private, link-local, CGNAT, unspecified and multicast ranges only
/// when <see cref="CrawlerOptions.AllowPrivateAddresses"/> is set.
/// </summary>
public static class AddressPolicy
{
    public static bool Permits(IPAddress address, bool localSource, bool allowPrivate)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (allowPrivate)
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return localSource;
        }

        return !IsInternal(address);
    }

    /// <summary>True for a host name that names this machine: "localhost" or a loopback literal.</summary>
    public static bool IsLocalHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static bool IsInternal(IPAddress address)
    {
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 ||
                   b[0] == 0 ||
                   (b[0] == 172 && b[1] >= 16 && b[1] <= 31) ||
                   (b[0] == 192 && b[1] == 168) ||
                   (b[0] == 169 && b[1] == 254) ||
                   (b[0] == 100 && b[1] >= 64 && b[1] <= 127) ||
                   (b[0] == 192 && b[1] == 0 && b[2] == 0) ||
                   b[0] >= 224;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal ||
                   address.IsIPv6SiteLocal ||
                   address.IsIPv6Multicast ||
                   (b[0] & 0xFE) == 0xFC; // fc00::/7 unique local
        }

        return true;
    }
}
