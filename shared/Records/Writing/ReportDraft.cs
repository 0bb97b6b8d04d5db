using Ingest.Archive;
using Ingest.Parsing;

namespace Ingest.Records.Writing;

/// <summary>A parsed report about to be written: the record, where it came from, and its keys.</summary>
internal sealed record ReportDraft(
    string ReportId,
    string AgencyKey,
    string? Region,
    ReportRecord Record,
    CaptureMetadata Capture,
    string BlobName,
    string BlobETag,
    DateTimeOffset WrittenAt);
