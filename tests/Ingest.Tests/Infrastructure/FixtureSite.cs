using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Tests.Infrastructure;

/// <summary>
/// A real Kestrel web site on a loopback address (127.0.0.1, 127.0.0.2, … are all loopback, so several
/// sites can stand in for several hosts), serving routes from a dictionary of path → response sequence
/// (the n-th request to a path gets the n-th response; the last one repeats), with faults on the wire,
/// and a log of every request with its arrival time and headers.
/// </summary>
public sealed class FixtureSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Route> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FixtureSiteRequest> log = new();
    private readonly TimeProvider time;
    private WebApplication? app;

    private FixtureSite(TimeProvider time)
    {
        this.time = time;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>host:port, as the crawler's requests name it.</summary>
    public string Authority => BaseUri.Authority;

    public IReadOnlyList<FixtureSiteRequest> Requests => log.ToArray();

    public static async Task<FixtureSite> StartAsync(string address = "127.0.0.1", TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var site = new FixtureSite(time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Parse(address), 0));
        var app = builder.Build();
        app.Run(site.HandleAsync);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseUri = new Uri(bound.Replace("[::]", address, StringComparison.Ordinal) + "/");
        site.app = app;
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>Serves <paramref name="sequence"/> at <paramref name="pathAndQuery"/> (exact match, query included); replaces any earlier route.</summary>
    public FixtureSite Map(string pathAndQuery, params FixtureSiteResponse[] sequence)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sequence.Length);
        routes[pathAndQuery] = new Route(sequence);
        return this;
    }

    public IReadOnlyList<FixtureSiteRequest> RequestsFor(string pathAndQuery) =>
        Requests.Where(r => r.PathAndQuery == pathAndQuery).ToList();

    public void ClearLog() => log.Clear();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var pathAndQuery = context.Request.Path.Value + context.Request.QueryString.Value;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var arrived = time.GetUtcNow();
        if (!routes.TryGetValue(pathAndQuery, out var route))
        {
            log.Enqueue(new FixtureSiteRequest(arrived, context.Request.Method, pathAndQuery, context.Request.Host.Value ?? "", headers, 404));
            context.Response.StatusCode = 404;
            return;
        }

        var response = route.Next();
        var notModified = IsNotModified(response, headers);
        var status = notModified ? 304 : response.Status;
        log.Enqueue(new FixtureSiteRequest(arrived, context.Request.Method, pathAndQuery, context.Request.Host.Value ?? "", headers, status));

        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }

            if (response.Fault == FixtureSiteFault.ResetBeforeHeaders)
            {
                Reset(context);
                return;
            }

            context.Response.StatusCode = status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (response.ETag is not null)
            {
                context.Response.Headers.ETag = response.ETag;
            }

            if (response.LastModified is not null)
            {
                context.Response.Headers.LastModified = response.LastModified;
            }

            if (notModified || response.Body.Length == 0)
            {
                return;
            }

            if (response.ContentType is not null)
            {
                context.Response.ContentType = response.ContentType;
            }

            context.Response.ContentLength = response.Body.Length;
            await WriteBodyAsync(context, response);
        }
        catch (OperationCanceledException)
        {
            // The client went away (e.g. its timeout); nothing more to send.
        }
    }

    private static async Task WriteBodyAsync(HttpContext context, FixtureSiteResponse response)
    {
        var body = response.Body;
        var cancel = context.RequestAborted;
        if (response.Fault is FixtureSiteFault.ResetMidBody or FixtureSiteFault.TruncateBody)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), cancel);
            await context.Response.Body.FlushAsync(cancel);
            await Task.Delay(50, cancel);
            if (response.Fault == FixtureSiteFault.ResetMidBody)
            {
                Reset(context);
            }
            else
            {
                // Half-close first so the client reads a clean end of stream (FIN) before Kestrel tears down the rest.
                context.Features.Get<IConnectionSocketFeature>()?.Socket?.Shutdown(SocketShutdown.Send);
                await Task.Delay(200, CancellationToken.None);
                context.Abort();
            }

            return;
        }

        if (response.ChunkDelay <= TimeSpan.Zero)
        {
            await context.Response.Body.WriteAsync(body, cancel);
            return;
        }

        for (var offset = 0; offset < body.Length; offset += response.ChunkSize)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(response.ChunkSize, body.Length - offset)), cancel);
            await context.Response.Body.FlushAsync(cancel);
            await Task.Delay(response.ChunkDelay, cancel);
        }
    }

    /// <summary>An abortive close: linger 0 makes the kernel send RST instead of FIN.</summary>
    private static void Reset(HttpContext context)
    {
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            socket.LingerState = new LingerOption(true, 0);
        }

        context.Abort();
    }

    private static bool IsNotModified(FixtureSiteResponse response, Dictionary<string, string> headers)
    {
        if (response.Status != 200)
        {
            return false;
        }

        if (response.ETag is not null && headers.TryGetValue("If-None-Match", out var etag))
        {
            return etag.Split(',').Select(e => e.Trim()).Contains(response.ETag);
        }

        return response.LastModified is not null && headers.TryGetValue("If-Modified-Since", out var since) && since == response.LastModified;
    }

    private sealed class Route(FixtureSiteResponse[] sequence)
    {
        private int count;

        public FixtureSiteResponse Next()
        {
            var n = Interlocked.Increment(ref count) - 1;
            return sequence[Math.Min(n, sequence.Length - 1)];
        }
    }
}
