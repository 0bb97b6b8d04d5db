using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/Ingest.Benchmarks -- --filter '*'</c>.</summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
