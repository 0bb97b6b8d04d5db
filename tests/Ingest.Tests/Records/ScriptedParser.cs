using System.Collections.Concurrent;
using Ingest.Parsing;
using Ingest.Records;

namespace Ingest.Tests.Records;

/// <summary>
/// A parser release for tests: answers each blob (PageInput.Source) with a record the test scripted,
/// and counts how often each blob was parsed. Unscripted blobs throw, like a parser bug would.
/// </summary>
internal sealed class ScriptedParser
{
    private readonly ConcurrentDictionary<string, Func<ReportRecord>> script = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    public ScriptedParser(string version = "test-1")
    {
        Version = version;
        Release = new ParserRelease(version, Parse);
    }

    public string Version { get; }
    public ParserRelease Release { get; }

    /// <summary>Runs inside Parse before answering (tests use it to pause or break things mid-run).</summary>
    public Action<string>? OnParse { get; set; }

    public void Answer(string blobName, ReportRecord record) => script[blobName] = () => record with { ParserVersion = Version };

    public void Answer(string blobName, Func<ReportRecord> record) => script[blobName] = record;

    public int Calls(string blobName) => calls.TryGetValue(blobName, out var n) ? n : 0;

    public int TotalCalls => calls.Values.Sum();

    private ReportRecord Parse(PageInput input)
    {
        calls.AddOrUpdate(input.Source, 1, (_, n) => n + 1);
        OnParse?.Invoke(input.Source);
        return script.TryGetValue(input.Source, out var answer)
            ? answer() with { Source = input.Source }
            : throw new InvalidOperationException($"no record scripted for {input.Source}");
    }
}
