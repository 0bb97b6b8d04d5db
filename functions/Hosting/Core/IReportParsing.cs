using Ingest.Records;

namespace Ingest.Functions.Hosting.Core;

/// <summary>The parse-and-record core as the blob trigger uses it; production is <see cref="CoreReportParsing"/>.</summary>
public interface IReportParsing
{
    Task<ParseHandling> HandleAsync(string blobName, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken);
}
