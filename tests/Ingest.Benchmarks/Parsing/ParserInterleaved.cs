using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using Ingest.Parsing;

namespace Ingest.Benchmarks.Parsing;

/// <summary>
/// <c>parser-interleaved</c>: the same comparison as <see cref="ParserBenchmarks"/> (full extraction
/// against a bare AngleSharp parse of the same bytes), measured in alternating one-second slices in one
/// process. On a shared VM whose speed drifts by half over minutes, BenchmarkDotNet measures each method
/// in its own stretch of time, so its ratio also measures the drift; here every slice of full extraction
/// sits next to a slice of the baseline, and the ratio is taken per pair. Each round also runs a slice of
/// full extraction on one thread per core, as the watcher and the Functions host parse several blobs at
/// once: that is the machine's throughput, not the per-page cost. Two floors show where the time goes:
/// AngleSharp's tree construction after our decode, and its tokenizer alone.
/// <code>dotnet run -c Release --project tests/Ingest.Benchmarks -- parser-interleaved [--pairs 30]</code>
/// </summary>
internal static class ParserInterleaved
{
    public const string Mode = "parser-interleaved";

    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        var pairs = args.Length > 2 && args[1] == "--pairs" && int.TryParse(args[2], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 30;
        var pages = ReportPageCorpus.Build();
        var angleSharp = new HtmlParser();
        var configured = new HtmlParser(Ingest.Parsing.HtmlTokenizer.ParserOptions);
        Action<string, byte[]> bare = (_, bytes) =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            angleSharp.ParseDocument(stream);
        };
        Action<string, byte[]> full = (name, bytes) => ReportParser.Parse(new PageInput(bytes, name));

        // Two floors under full extraction, to show where its time goes: our decode plus AngleSharp's
        // tree construction with the parser's options (what full extraction runs before its own walk),
        // and our decode plus AngleSharp's tokenizer alone, with no tree built at all.
        Action<string, byte[]> decodeAndTree = (_, bytes) =>
        {
            using var decoded = PageDecoder.Decode(bytes, null);
            configured.ParseDocument(decoded.Text);
        };
        Action<string, byte[]> decodeAndTokens = (_, bytes) =>
        {
            using var decoded = PageDecoder.Decode(bytes, null);
            using var source = new TextSource(new ReadOnlyMemoryTextSource(decoded.Text));
            var tokenizer = new AngleSharp.Html.Parser.HtmlTokenizer(source, HtmlEntityProvider.Resolver)
            {
                SkipComments = true,
                SkipScriptText = true,
                DisableElementPositionTracking = true,
            };
            while (tokenizer.Get().Type != HtmlTokenType.EndOfFile)
            {
            }
        };

        // Warm-up: every path tiered up before anything counts (tiering takes several seconds here).
        for (var i = 0; i < 3; i++)
        {
            Rate(pages, bare);
            Rate(pages, full);
            Rate(pages, decodeAndTree);
            Rate(pages, decodeAndTokens);
        }

        var bareRates = new List<double>();
        var fullRates = new List<double>();
        var ratios = new List<double>();
        var treeRates = new List<double>();
        var tokenRates = new List<double>();
        var allCoresRates = new List<double>();
        RateOnAllCores(pages, full);
        for (var i = 0; i < pairs; i++)
        {
            // Alternate which goes first, so a drift within the pair does not always favour the same side.
            var (b, f) = i % 2 == 0 ? (Rate(pages, bare), Rate(pages, full)) : Swap(Rate(pages, full), Rate(pages, bare));
            bareRates.Add(b);
            fullRates.Add(f);
            ratios.Add(b / f);
            treeRates.Add(Rate(pages, decodeAndTree));
            tokenRates.Add(Rate(pages, decodeAndTokens));
            allCoresRates.Add(RateOnAllCores(pages, full));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parser-interleaved: {pages.Count} pages, {pairs} rounds of {Slice.TotalSeconds:F0} s slices (bare, full, two floors, full on every core), {Environment.ProcessorCount} cores"));
        Report("bare AngleSharp parse of the bytes", bareRates);
        Report("full extraction", fullRates);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"ratio full ÷ bare (time per page), per pair:",-44} median {Median(ratios):F2} (range {ratios.Min():F2}–{ratios.Max():F2})"));
        Report("floor: decode + AngleSharp tree", treeRates);
        Report("floor: decode + AngleSharp tokens only", tokenRates);
        Report($"full extraction, {Environment.ProcessorCount} threads", allCoresRates);
        return 0;

        static (double Bare, double Full) Swap(double full, double bare) => (bare, full);
    }

    private static void Report(string what, List<double> rates) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what + ":",-44} median {Median(rates):F0} pages/s (range {rates.Min():F0}–{rates.Max():F0})"));

    /// <summary>Pages per second of <paramref name="work"/> over whole passes of the corpus for one slice.</summary>
    private static double Rate(IReadOnlyList<(string Name, byte[] Bytes)> pages, Action<string, byte[]> work)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed < Slice)
        {
            foreach (var (name, bytes) in pages)
            {
                work(name, bytes);
                done++;
            }
        }

        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Pages per second of one slice with a thread per core, each making whole passes of the corpus.</summary>
    private static double RateOnAllCores(IReadOnlyList<(string Name, byte[] Bytes)> pages, Action<string, byte[]> work)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            var mine = 0;
            while (clock.Elapsed < Slice)
            {
                foreach (var (name, bytes) in pages)
                {
                    work(name, bytes);
                    mine++;
                }
            }

            Interlocked.Add(ref done, mine);
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        return done / clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
