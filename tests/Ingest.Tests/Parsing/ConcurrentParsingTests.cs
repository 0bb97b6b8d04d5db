using Ingest.Parsing;

namespace Ingest.Tests.Parsing;

/// <summary>
/// The watcher and the Functions host parse several pages at once, and every parse goes through one
/// shared AngleSharp parser and the parser's static tables. State that leaks from one parse into another
/// would show up here as a record that differs from the same page parsed alone.
/// </summary>
public sealed class ConcurrentParsingTests
{
    [Fact]
    public async Task Pages_parsed_at_the_same_time_give_the_records_they_give_alone()
    {
        var fixtures = ReportFixtures.Inputs().ToList();
        var alone = fixtures.ToDictionary(name => name, name => ReportRecordJson.Serialize(ReportFixtures.Parse(name)));

        // Every fixture eight times, shuffled, on more workers than cores, so different pages overlap.
        var work = Enumerable.Repeat(fixtures, 8).SelectMany(names => names).OrderBy(_ => Random.Shared.Next()).ToList();
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (name, _) =>
        {
            if (ReportRecordJson.Serialize(ReportFixtures.Parse(name)) != alone[name])
            {
                mismatches.Add(name);
            }

            return ValueTask.CompletedTask;
        });

        Assert.True(fixtures.Count >= 17, $"expected the report fixtures, found {fixtures.Count}");
        Assert.Empty(mismatches);
    }
}
