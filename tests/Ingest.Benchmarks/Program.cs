using BenchmarkDotNet.Running;
using Ingest.Benchmarks.Lookup;
using Ingest.Benchmarks.Parsing;

namespace Ingest.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Ingest.Benchmarks -- --filter '*'</c>, or a load
/// mode by name (<c>lookup-load</c>, <c>parser-interleaved</c>) for measurements BenchmarkDotNet does not shape
/// well (concurrent HTTP; a ratio on a machine whose speed drifts).
/// </summary>
public static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == LookupLoad.Mode)
        {
            return await LookupLoad.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == ParserInterleaved.Mode)
        {
            return ParserInterleaved.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
