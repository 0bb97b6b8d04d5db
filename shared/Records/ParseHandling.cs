namespace Ingest.Records;

/// <summary>The result of <see cref="ParseReportHandler.HandleAsync"/>.</summary>
public sealed record ParseHandling(ParseOutcomeKind Outcome, string BlobName, string? ReportId = null, string? Reason = null);
