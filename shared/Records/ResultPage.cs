namespace Ingest.Records;

/// <summary>One page of a list; pass <see cref="ContinuationToken"/> back to get the next (null: no more).</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
