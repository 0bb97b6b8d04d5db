namespace Ingest.Functions.Api.Contracts;

/// <summary>
/// One page of a list. <see cref="Continuation"/> is opaque: pass it back as <c>continuation</c> with
/// the same other parameters; <see cref="Next"/> is that URL ready-made. Both null on the last page.
/// </summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? Continuation, string? Next);
