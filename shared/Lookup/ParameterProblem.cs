namespace Ingest.Lookup;

/// <summary>A query parameter the API cannot accept: its name and the rule it breaks, in words for the caller.</summary>
public sealed record ParameterProblem(string Parameter, string Rule);
