namespace Ingest.Functions.Api.Contracts;

/// <summary>The report itself and its archived original.</summary>
internal sealed record ReportLinks(string Self, string Source);
