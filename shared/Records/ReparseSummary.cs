namespace Ingest.Records;

/// <summary>What a reparse did: how many blobs it looked at and how each ended.</summary>
public sealed record ReparseSummary(string ParserVersion, int Considered, int Skipped, IReadOnlyDictionary<ParseOutcomeKind, int> Outcomes)
{
    public int Count(ParseOutcomeKind kind) => Outcomes.TryGetValue(kind, out var n) ? n : 0;
}
