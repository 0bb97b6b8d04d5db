using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Benchmarks.Crawling;

/// <summary>
/// Kestrel on several loopback addresses (127.0.0.2, 127.0.0.3, …), one "host" each: robots.txt 404, a
/// listing page linking <c>reports</c> report pages, and pages whose bytes differ on every request (a
/// counter in front of a fixed body) so that every fetch is a new capture. The fixed bodies are allocated
/// once, so the server adds little to the allocation figures of the benchmarks running in this process.
/// </summary>
public sealed class LoopbackHosts : IAsyncDisposable
{
    private readonly List<WebApplication> apps = [];
    private readonly byte[] reportBody;
    private readonly byte[] largeBody;
    private readonly byte[] smallBody;
    private readonly int reports;
    private long counter;

    private LoopbackHosts(int reports, int largeBytes, int smallBytes)
    {
        this.reports = reports;
        reportBody = Filler(20 * 1024);
        largeBody = Filler(largeBytes);
        smallBody = Filler(smallBytes);
    }

    public IReadOnlyList<Uri> BaseUris { get; private set; } = [];

    public static async Task<LoopbackHosts> StartAsync(int hosts, int reports, int largeBytes = 5 * 1024 * 1024, int smallBytes = 20 * 1024)
    {
        var site = new LoopbackHosts(reports, largeBytes, smallBytes);
        var uris = new List<Uri>();
        for (var i = 0; i < hosts; i++)
        {
            var address = $"127.0.0.{i + 2}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Parse(address), 0));
            var app = builder.Build();
            app.Run(site.HandleAsync);
            await app.StartAsync();
            site.apps.Add(app);
            uris.Add(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/"));
        }

        site.BaseUris = uris;
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/list.html")
        {
            var links = string.Concat(Enumerable.Range(1, reports).Select(i => $"<li><a href=\"/r{i}.html\">2023年度政府信息公开工作年度报告{i}</a></li>"));
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"<html><body><ul>{links}</ul></body></html>");
            return;
        }

        var body = path switch
        {
            "/large.html" => largeBody,
            "/small.html" => smallBody,
            _ when path.StartsWith("/r", StringComparison.Ordinal) => reportBody,
            _ => null,
        };
        if (body is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var prefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"<!-- {Interlocked.Increment(ref counter),20} -->"));
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = prefix.Length + body.Length;
        await context.Response.Body.WriteAsync(prefix);
        await context.Response.Body.WriteAsync(body);
    }

    private static byte[] Filler(int length)
    {
        var line = Encoding.UTF8.GetBytes("<p class=\"MsoNormal\">本年度共收到政府信息公开申请12件，均已按时办结。</p>\n");
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = line[i % line.Length];
        }

        return bytes;
    }
}
