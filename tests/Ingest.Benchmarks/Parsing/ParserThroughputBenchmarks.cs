using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Ingest.Parsing;

namespace Ingest.Benchmarks.Parsing;

/// <summary>
/// Pages per second of the whole machine, the way the pipeline parses: the standalone watcher and the
/// Functions host both run several parses at once, so every core is busy. The corpus is parsed
/// <see cref="Rounds"/> times per operation on <see cref="Environment.ProcessorCount"/> workers; one
/// operation = one page, so pages/s = 1 / Mean. The baseline is the bare AngleSharp parse of the bytes on
/// the same workers. Server GC, as the function app runs (it is an ASP.NET Core app, whose default that is).
/// </summary>
[GcServer(true)]
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 20)]
public class ParserThroughputBenchmarks
{
    private const int Rounds = 8;
    private const int PagesPerOperation = Rounds * ReportPageCorpus.PageCount;

    private IReadOnlyList<(string Name, byte[] Bytes)> _pages = [];
    private readonly HtmlParser _defaultParser = new();
    private readonly ParallelOptions _allCores = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    [GlobalSetup]
    public void Setup() => _pages = ReportPageCorpus.Build();

    [Benchmark(Baseline = true, OperationsPerInvoke = PagesPerOperation)]
    public void AngleSharpParseOfBytesOnAllCores() =>
        Parallel.For(0, PagesPerOperation, _allCores, i =>
        {
            using var stream = new MemoryStream(_pages[i % _pages.Count].Bytes, writable: false);
            _defaultParser.ParseDocument(stream);
        });

    [Benchmark(OperationsPerInvoke = PagesPerOperation)]
    public void FullExtractionOnAllCores() =>
        Parallel.For(0, PagesPerOperation, _allCores, i =>
        {
            var (name, bytes) = _pages[i % _pages.Count];
            ReportParser.Parse(new PageInput(bytes, name));
        });
}
