using System.Net;
using System.Net.Sockets;

namespace Ingest.Tests.Infrastructure;

/// <summary>Free loopback ports for servers a test starts on fixed ports more than once.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// The first of <paramref name="count"/> consecutive ports that are free now (checked by binding
    /// them all). Another process may still take one before the test does; that race is accepted.
    /// </summary>
    public static int FreeBlock(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20000, 60000 - count);
            var listeners = new List<TcpListener>();
            try
            {
                for (var port = first; port < first + count; port++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listeners.Add(listener);
                }

                return first;
            }
            catch (SocketException)
            {
                // Taken: try another block.
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free loopback ports found.");
    }
}
