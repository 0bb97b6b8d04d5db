using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Ingest.Functions.Demo;

/// <summary>
/// The demo's stand-in for government web sites: real report pages (UTF-8 and GBK), paginated listing
/// pages, a robots.txt with a disallowed folder and one broken page, served from the embedded
/// <c>Demo/site</c> folder by Kestrel on loopback. Each agency gets its own port, so each is its own host
/// (authority) to the crawler, as separate government sites are. Pages carry an ETag and Last-Modified
/// and answer conditional requests with 304, so a second crawl is a conditional one.
/// </summary>
public sealed class SampleSite : IAsyncDisposable
{
    private static readonly DateTimeOffset Published = new(2024, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private int requests;
    private int notModified;

    private SampleSite(WebApplication app) => this.app = app;

    /// <summary>One base address per host, in the order the ports were asked for.</summary>
    public IReadOnlyList<Uri> Hosts { get; private set; } = [];

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Conditional requests answered 304 Not Modified.</summary>
    public int NotModified => Volatile.Read(ref notModified);

    /// <summary>
    /// Starts the site on <paramref name="hosts"/> ports from <paramref name="firstPort"/> on, or on free
    /// ports when it is 0. Fixed ports make the hosts the same on every run, which is what lets a second
    /// demo run revalidate its captures instead of seeing new sites.
    /// </summary>
    public static async Task<SampleSite> StartAsync(int hosts, int firstPort, CancellationToken cancellationToken)
    {
        var pages = Pages();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var ports = new List<int>();
        for (var i = 0; i < hosts; i++)
        {
            ports.Add(firstPort == 0 ? FreePort() : firstPort + i);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var port in ports)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });

        var app = builder.Build();
        var site = new SampleSite(app);
        app.Run(context => site.ServeAsync(context, pages));
        await app.StartAsync(cancellationToken);
        site.Hosts = [.. ports.Select(port => new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"))];
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context, IReadOnlyDictionary<string, SitePage> pages)
    {
        Interlocked.Increment(ref requests);
        var path = context.Request.Path.Value is null or "/" ? "/index.html" : context.Request.Path.Value;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!pages.TryGetValue(path, out var page))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><body><h1>404 页面不存在</h1></body></html>", context.RequestAborted);
            return;
        }

        var headers = context.Response.GetTypedHeaders();
        headers.ETag = page.ETag;
        headers.LastModified = Published;
        var request = context.Request.GetTypedHeaders();
        var matches = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Compare(page.ETag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && since >= Published;
        if (matches)
        {
            Interlocked.Increment(ref notModified);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        // Like many government servers: text/html without a charset; GBK pages say so only in their meta tag.
        context.Response.ContentType = page.ContentType;
        context.Response.ContentLength = page.Content.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(page.Content, context.RequestAborted);
        }
    }

    private static Dictionary<string, SitePage> Pages()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var pages = new Dictionary<string, SitePage>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("site/", StringComparison.Ordinal) || n.StartsWith("site\\", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var path = "/" + name["site/".Length..].Replace('\\', '/');
            var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"");
            var type = path.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "text/html";
            pages[path] = new SitePage(content, type, tag);
        }

        return pages;
    }

    public static Task<SampleSite> StartAsync(int hosts, CancellationToken cancellationToken) =>
        StartAsync(hosts, firstPort: 0, cancellationToken);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record SitePage(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
}
