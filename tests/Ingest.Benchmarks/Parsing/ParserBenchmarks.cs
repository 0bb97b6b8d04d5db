using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Ingest.Parsing;

namespace Ingest.Benchmarks.Parsing;

/// <summary>
/// Full extraction (<see cref="ReportParser.Parse"/>: charset, DOM, tokens, tables, prose, metadata,
/// checks) against a bare AngleSharp parse of the same bytes, over the 50–150 KB page corpus. One
/// operation = one page, so Mean is per page and pages/s = 1 / Mean; Ratio is full ÷ bare.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ParserBenchmarks
{
    private IReadOnlyList<(string Name, byte[] Bytes)> _pages = [];
    private readonly HtmlParser _parser = new();

    [GlobalSetup]
    public void Setup() => _pages = ReportPageCorpus.Build();

    public int PageCount => _pages.Count;

    /// <summary>What AngleSharp alone costs: the bytes as a stream, with its own charset sniffing (meta prescan).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 8)]
    public int AngleSharpParseOfBytes()
    {
        var count = 0;
        foreach (var (_, bytes) in _pages)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            count += _parser.ParseDocument(stream).All.Length;
        }

        return count;
    }

    /// <summary>A stricter baseline: our own decode to a string, then AngleSharp on the string.</summary>
    [Benchmark(OperationsPerInvoke = 8)]
    public int DecodeThenAngleSharpParseOfString()
    {
        var count = 0;
        foreach (var (_, bytes) in _pages)
        {
            var decoded = PageDecoder.Decode(bytes, null);
            count += _parser.ParseDocument(decoded.Text).All.Length;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = 8)]
    public int FullExtraction()
    {
        var count = 0;
        foreach (var (name, bytes) in _pages)
        {
            count += ReportParser.Parse(new PageInput(bytes, name)).Figures.Count;
        }

        return count;
    }
}
