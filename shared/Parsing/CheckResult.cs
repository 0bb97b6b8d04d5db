namespace Ingest.Parsing;

/// <summary>
/// One arithmetic check (spec §a.4, rules I1–I4) on one scope, e.g. rule "I1" on scope
/// "applications.total". A failing check is reported, never corrected.
/// </summary>
public sealed record CheckResult(string Rule, string Scope, bool Ok, decimal Expected, decimal Actual);
