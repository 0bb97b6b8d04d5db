using Ingest.Records;

namespace Ingest.Functions.Hosting.Core;

/// <summary>
/// The core library's <see cref="ParseReportHandler"/>, resolved on first use (see <see cref="CoreCrawlEngine"/>).
/// </summary>
public sealed class CoreReportParsing(IServiceProvider services) : IReportParsing
{
    private readonly Lazy<ParseReportHandler> handler = new(services.GetRequiredService<ParseReportHandler>);

    public Task<ParseHandling> HandleAsync(string blobName, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken) =>
        handler.Value.HandleAsync(blobName, content, cancellationToken);
}
