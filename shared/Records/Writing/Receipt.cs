using Azure;

namespace Ingest.Records.Writing;

/// <summary>A blob's receipt for one parser version (see <see cref="ReceiptState"/>).</summary>
internal sealed record Receipt(
    string BlobName,
    string BlobETag,
    string State,
    int Attempts,
    string? ReportId,
    string? ClaimedBy,
    DateTimeOffset? ClaimedUntil,
    ETag EntityETag)
{
    public bool IsTerminal => State != ReceiptState.Pending;
}
