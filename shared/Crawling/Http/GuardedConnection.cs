using System.Net;
using System.Net.Sockets;

namespace Ingest.Crawling.Http;

/// <summary>
/// The connect step of the primary handler: resolves the host itself and refuses to connect when any
/// resolved address is outside what <see cref="AddressPolicy"/> permits, so a public-looking host name
/// cannot lead into the internal network (DNS answers are checked, not just URL literals).
/// </summary>
internal static class GuardedConnection
{
    /// <summary>Request option: the request belongs to a local source, so loopback is permitted.</summary>
    public static readonly HttpRequestOptionsKey<bool> LocalSource = new("Ingest.Crawler.LocalSource");

    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Create(bool allowPrivate) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var local = context.InitialRequestMessage.Options.TryGetValue(LocalSource, out var flag) && flag;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var refused = addresses.Where(a => !AddressPolicy.Permits(a, local, allowPrivate)).ToList();
            if (addresses.Length == 0 || refused.Count > 0)
            {
                throw new AddressRefusedException($"{host} resolves to {string.Join(", ", refused)}: not a public address.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
