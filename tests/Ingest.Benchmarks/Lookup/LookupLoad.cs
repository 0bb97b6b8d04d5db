using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;
using Ingest.Archive;
using Ingest.Functions.Hosting.LocalStorage;
using Ingest.Parsing;
using Ingest.Records;
using Ingest.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Benchmarks.Lookup;

/// <summary>
/// <c>lookup-load</c>: drives the Lookup API over real Kestrel on loopback with an in-process
/// HttpClient load (N workers, a fixed request count) and reads the same data directly through
/// <see cref="ReportReader"/> on the same Azurite in the same run, then prints throughput, p50, p99 and
/// the API/direct ratios. Target: point-lookup p50 at most 1.2 × the direct read.
/// <code>dotnet run -c Release --project tests/Ingest.Benchmarks -- lookup-load [--requests 2000] [--workers 8] [--reports 30] [--cells 220]</code>
/// </summary>
internal static class LookupLoad
{
    public const string Mode = "lookup-load";

    private const int Year = 2023;

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 2000);
        var workers = Option(args, "--workers", 8);
        var reports = Option(args, "--reports", 30);
        var cells = Option(args, "--cells", 220);
        var warmup = Math.Max(100, requests / 10);

        Console.WriteLine($"lookup-load: {reports} reports × {cells} cells, {requests} requests per scenario, {workers} workers, {warmup} warm-up requests; {Environment.ProcessorCount} cores");
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { InMemory = true, StartTimeout = TimeSpan.FromSeconds(60) });
        var layout = StorageLayout.Isolated("bench" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var records = new Dictionary<string, ReportRecord>(StringComparer.Ordinal);
        var parser = new ParserRelease("bench-1", input => records[input.Source]);
        await using var host = await LookupBenchHost.StartAsync(azurite.ConnectionString, layout, parser);

        var seeding = Stopwatch.StartNew();
        var ids = await SeedAsync(host.Services, records, reports, cells);
        Console.WriteLine($"seeded {ids.Count} reports in {seeding.Elapsed.TotalSeconds:F1} s");

        var reader = host.Services.GetRequiredService<ReportReader>();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers, UseProxy = false }) { BaseAddress = host.Address };
        var listQuery = new ReportQuery { Year = Year, PageSize = 50 };
        var listUrl = $"/api/reports?year={Year}&limit=50";

        Func<int, Task> directPoint = async i =>
        {
            var report = await reader.GetReportAsync(ids[i % ids.Count], CancellationToken.None);
            if (report is null || report.Record.Figures.Count != cells)
            {
                throw new InvalidOperationException("direct point read returned the wrong report");
            }
        };
        Func<int, Task> apiPoint = async i =>
        {
            using var response = await client.GetAsync($"/api/reports/{ids[i % ids.Count]}");
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK || body.Length < cells * 10)
            {
                throw new InvalidOperationException($"API point lookup answered {response.StatusCode}");
            }
        };
        Func<int, Task> directList = async _ =>
        {
            var page = await reader.ListReportsAsync(listQuery, CancellationToken.None);
            if (page.Items.Count != Math.Min(50, ids.Count))
            {
                throw new InvalidOperationException("direct list returned the wrong count");
            }
        };
        Func<int, Task> apiList = async _ =>
        {
            using var response = await client.GetAsync(listUrl);
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"API list answered {response.StatusCode}");
            }
        };

        foreach (var scenario in new[] { directPoint, apiPoint, directList, apiList })
        {
            await DriveAsync(scenario, warmup, workers);
        }

        // Direct and API runs alternate in two rounds so drift (GC, Azurite's in-memory store) hits both alike.
        var results = new Dictionary<string, List<LoadResult>>(StringComparer.Ordinal);
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, scenario) in new[] { ("direct point read", directPoint), ("API point lookup", apiPoint), ("direct list (50)", directList), ("API list (50)", apiList) })
            {
                var result = await MeasureAsync(name, scenario, requests / 2, workers);
                (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(result);
            }
        }

        var merged = results.Select(r => new LoadResult(r.Key, workers, TimeSpan.FromTicks(r.Value.Sum(v => v.Wall.Ticks)), [.. r.Value.SelectMany(v => v.LatenciesMs)])).ToDictionary(r => r.Scenario);
        Console.WriteLine();
        Console.WriteLine("| scenario               | requests | workers |    req/s   | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|------------------------|---------:|--------:|-----------:|---------:|---------:|");
        foreach (var result in merged.Values)
        {
            Console.WriteLine(result.Row());
        }

        var pointRatio = merged["API point lookup"].P50 / merged["direct point read"].P50;
        var listRatio = merged["API list (50)"].P50 / merged["direct list (50)"].P50;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"point lookup p50 ratio API/direct: {pointRatio:F2} (target ≤ 1.20: {(pointRatio <= 1.2 ? "met" : "missed")})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"list p50 ratio API/direct: {listRatio:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"point lookup p99 ratio API/direct: {merged["API point lookup"].P99 / merged["direct point read"].P99:F2}; list p99 ratio: {merged["API list (50)"].P99 / merged["direct list (50)"].P99:F2}"));
        return 0;
    }

    private static async Task<LoadResult> MeasureAsync(string name, Func<int, Task> request, int count, int workers)
    {
        var latencies = new double[count];
        var wall = Stopwatch.StartNew();
        await DriveAsync(async i =>
        {
            var start = Stopwatch.GetTimestamp();
            await request(i);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }, count, workers);
        return new LoadResult(name, workers, wall.Elapsed, latencies);
    }

    /// <summary><paramref name="workers"/> loops share one counter up to <paramref name="count"/> requests.</summary>
    private static async Task DriveAsync(Func<int, Task> request, int count, int workers)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await request(i);
            }
        })));
    }

    private static async Task<List<string>> SeedAsync(IServiceProvider services, Dictionary<string, ReportRecord> records, int reports, int cells)
    {
        var storage = services.GetRequiredService<IngestStorage>();
        await storage.EnsureRecordsTablesAsync(CancellationToken.None);
        var handler = services.GetRequiredService<ParseReportHandler>();
        var ids = new List<string>(reports);
        for (var r = 0; r < reports; r++)
        {
            var blobName = $"bench/{r:D4}.html";
            var agency = $"基准测试局{r:D4}";
            var figures = Enumerable.Range(0, cells).ToDictionary(
                c => $"bench.s{c / 20:D2}.k{c % 20:D2}", c => (decimal)(r * 1000 + c), StringComparer.Ordinal);
            records[blobName] = new ReportRecord
            {
                Source = blobName,
                Title = $"{agency}{Year}年政府信息公开工作年度报告",
                Agency = agency,
                Year = Year,
                PublishedAt = new DateOnly(Year + 1, 1, 31),
                Era = ReportEra.Gb2021,
                Figures = figures,
                Checks = [new CheckResult("I1", "bench.s00", true, 1, 1)],
                IsReport = true,
                ParserVersion = "bench-1",
            };
            var content = Encoding.UTF8.GetBytes($"<html><body>{agency}</body></html>");
            var capture = new CaptureMetadata
            {
                SourceUrl = $"http://bench.gov.cn/{r}.html",
                FinalUrl = $"http://bench.gov.cn/{r}.html",
                FetchedAt = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero),
                HttpStatus = 200,
                ContentType = "text/html; charset=utf-8",
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                CrawlerVersion = "bench",
                Region = "基准省",
            };
            await storage.RawContainer.GetBlobClient(blobName).UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = capture.ToBlobMetadata() });
            var outcome = await handler.HandleAsync(blobName, null, CancellationToken.None);
            ids.Add(outcome.ReportId ?? throw new InvalidOperationException($"seeding {blobName}: {outcome}"));
        }

        return ids;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
