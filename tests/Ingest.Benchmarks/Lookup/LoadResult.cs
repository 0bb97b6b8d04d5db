using System.Globalization;

namespace Ingest.Benchmarks.Lookup;

/// <summary>Latencies of one scenario's fixed number of requests, and the wall time they took.</summary>
internal sealed record LoadResult(string Scenario, int Workers, TimeSpan Wall, double[] LatenciesMs)
{
    public double Throughput => LatenciesMs.Length / Wall.TotalSeconds;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario,-22} | {LatenciesMs.Length,8} | {Workers,7} | {Throughput,10:F0} | {P50,8:F2} | {P99,8:F2} |");

    /// <summary>Nearest-rank percentile.</summary>
    private double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
