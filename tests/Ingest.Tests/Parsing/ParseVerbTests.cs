using System.Text.Json;
using Ingest.Functions.Cli;

namespace Ingest.Tests.Parsing;

/// <summary>The parse verb's contract: JSON Lines on stdout, logs on stderr, real UTF-8 Chinese, exit codes.</summary>
public sealed class ParseVerbTests
{
    [Fact]
    public async Task Prints_one_json_object_per_file_with_the_contract_fields()
    {
        var files = new[] { "seed_001_sasac_2023_flattened.txt", "empty.html", "binary_attachment.htm" }
            .Select(f => Path.Combine(ReportFixtures.Directory, f)).ToArray();

        var (code, output, error) = await RunAsync(["parse", .. files]);

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        foreach (var field in new[] { "source", "title", "agency", "agencyAsWritten", "year", "publishedAt", "indexNo", "era", "figures", "blank", "checks", "warnings", "parserVersion" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing field {field}");
        }

        Assert.Equal(files[0], root.GetProperty("source").GetString());
        Assert.Equal(2023, root.GetProperty("year").GetInt32());
        Assert.Equal("2024-01-15", root.GetProperty("publishedAt").GetString());
        Assert.Equal(2, root.GetProperty("figures").GetProperty("applications.new.total").GetDecimal());
        Assert.Contains("市国资委", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", lines[0], StringComparison.Ordinal);

        using var empty = JsonDocument.Parse(lines[1]);
        Assert.Empty(empty.RootElement.GetProperty("figures").EnumerateObject());
        Assert.NotEmpty(empty.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Contains("parse:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_reported_on_stderr_while_the_others_are_still_parsed()
    {
        var existing = Path.Combine(ReportFixtures.Directory, "seed_004_hunan_jiguan_2015_prose.txt");

        var (code, output, error) = await RunAsync("parse", "/nonexistent/report.html", existing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("430S00039/2016-89879", output, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/report.html", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_files_is_a_usage_error()
    {
        var (code, output, error) = await RunAsync("parse");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains("no files", error, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) =>
        Ingest.Tests.Foundation.CommandLineTests.RunAsync(args);
}
