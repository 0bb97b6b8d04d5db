namespace Ingest.Records;

/// <summary>
/// The ParseReport function's body: read a raw blob (or use the bytes the trigger delivered), parse it,
/// and write the record, figures, indexes and a receipt. Idempotent per blob name + ETag + parser version.
/// </summary>
public sealed class ParseReportHandler
{
    public Task<ParseHandling> HandleAsync(string blobName, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken) =>
        throw new NotImplementedException("The records area fills this in.");
}
