namespace Ingest.Functions.Api.Contracts;

/// <summary>One arithmetic check (rules I1–I4 of the report format) as the parser ran it.</summary>
internal sealed record CheckDocument(string Rule, string Scope, bool Ok, decimal Expected, decimal Actual);
