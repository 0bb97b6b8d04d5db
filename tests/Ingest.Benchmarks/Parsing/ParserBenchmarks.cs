using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Ingest.Parsing;

namespace Ingest.Benchmarks.Parsing;

/// <summary>
/// Full extraction (<see cref="ReportParser.Parse"/>: charset, DOM, tokens, tables, prose, metadata,
/// checks) against a bare AngleSharp parse of the same bytes, over the 50–150 KB page corpus, on one
/// thread. One operation = one page, so Mean is per page and pages/s = 1 / Mean; Ratio is full ÷ bare.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 20)]
public class ParserBenchmarks
{
    private IReadOnlyList<(string Name, byte[] Bytes)> _pages = [];
    private readonly HtmlParser _defaultParser = new();
    private readonly HtmlParser _parserAsConfigured = new(Ingest.Parsing.HtmlTokenizer.ParserOptions);

    [GlobalSetup]
    public void Setup() => _pages = ReportPageCorpus.Build();

    /// <summary>What AngleSharp alone costs, used as anyone would: the bytes as a stream, its own charset sniffing.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ReportPageCorpus.PageCount)]
    public int AngleSharpParseOfBytes()
    {
        var count = 0;
        foreach (var (_, bytes) in _pages)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            count += _defaultParser.ParseDocument(stream).All.Length;
        }

        return count;
    }

    /// <summary>
    /// The floor under full extraction: our own decode into a pooled buffer, then AngleSharp with the
    /// parser's own options on it. Everything full extraction adds beyond this is our walk and readers.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ReportPageCorpus.PageCount)]
    public int DecodeThenConfiguredAngleSharpParse()
    {
        var count = 0;
        foreach (var (_, bytes) in _pages)
        {
            using var decoded = PageDecoder.Decode(bytes, null);
            count += _parserAsConfigured.ParseDocument(decoded.Text).All.Length;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = ReportPageCorpus.PageCount)]
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
