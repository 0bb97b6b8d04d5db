using System.Text;
using Ingest.Parsing;

namespace Ingest.Tests.Parsing;

/// <summary>
/// Each fixture's parser output against the JSON beside it. A parser change shows up as a diff of that
/// file. To accept a deliberate change, run with INGEST_UPDATE_GOLDEN=1 (rewrites the goldens in the
/// source tree), then review every changed golden against its page before committing.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in ReportFixtures.Inputs())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parser_output_matches_the_golden_file(string fixture)
    {
        var actual = ReportRecordJson.Serialize(ReportFixtures.Parse(fixture), indented: true).ReplaceLineEndings("\n") + "\n";
        var golden = ReportFixtures.GoldenName(fixture);

        if (Environment.GetEnvironmentVariable("INGEST_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(ReportFixtures.SourceDirectory(), golden), actual, new UTF8Encoding(false));
            return;
        }

        var path = Path.Combine(ReportFixtures.Directory, golden);
        Assert.True(File.Exists(path), $"no golden file {golden}; create it with INGEST_UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_fixture_has_a_golden_and_every_golden_a_fixture()
    {
        var inputs = ReportFixtures.Inputs().Select(ReportFixtures.GoldenName).ToHashSet(StringComparer.Ordinal);
        var goldens = Directory.EnumerateFiles(ReportFixtures.Directory, "*.expected.json").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(inputs.Order(StringComparer.Ordinal), goldens.Order(StringComparer.Ordinal));
        Assert.True(inputs.Count >= 17, $"expected at least 17 report fixtures, found {inputs.Count}");
    }
}
