using Ingest.Crawling;
using Ingest.Functions.Hosting.Core;
using Ingest.Functions.Hosting.Invocation;

namespace Ingest.Functions.CrawlSource;

/// <summary>
/// The queue function: crawl the sources of one host. Page failures are outcomes in the summary, not
/// failures of the invocation; only the unexpected fails it (non-2xx), and the host retries the message
/// up to <c>maxDequeueCount</c> before moving it to crawl-requests-poison.
/// </summary>
public sealed partial class CrawlSourceFunction(ICrawlEngine engine, SeedCatalog seeds, ILogger<CrawlSourceFunction> logger)
{
    public const string Name = "CrawlSource";
    public const string BindingName = "request";

    public async Task<IResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        if (request.Trigger(BindingName) is not { } trigger)
        {
            return InvocationReply.BadPayload($"Data.{BindingName} (the queue message) is missing.");
        }

        var decoded = CrawlRequestMessage.Decode(trigger);
        if (!decoded.Succeeded)
        {
            return InvocationReply.BadPayload(decoded.Error);
        }

        var dequeueCount = request.Metadata.TryGetValue("DequeueCount", out var count) ? InvocationValue.Integer(count) : null;
        CrawlSummary summary;
        try
        {
            summary = await CrawlAsync(decoded.Value, dequeueCount ?? 1, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, decoded.Value.Host, dequeueCount ?? 1);
            return InvocationReply.Failed($"Crawling {decoded.Value.Host} failed: {e.Message}");
        }

        return InvocationReply.Success(Describe(decoded.Value, summary));
    }

    /// <summary>The function's work, shared with the standalone queue consumer.</summary>
    public async Task<CrawlSummary> CrawlAsync(CrawlRequest request, int attempt, CancellationToken cancellationToken)
    {
        LogCrawling(request.Host, request.SourceIds.Count, request.Night, attempt);
        var summary = await engine.CrawlAsync(request, seeds.Current(), cancellationToken);
        LogCrawled(request.Host, summary.PagesFetched, summary.NewBlobs, summary.Unchanged, summary.Failures);
        return summary;
    }

    public static string Describe(CrawlRequest request, CrawlSummary summary) =>
        $"{request.Host}: {summary.PagesFetched} page(s) fetched, {summary.NewBlobs} new blob(s), {summary.Unchanged} unchanged, {summary.Failures} failure(s)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawling {Host} ({Sources} source(s), night {Night}, try {Attempt})")]
    private partial void LogCrawling(string host, int sources, DateOnly night, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawled {Host}: {Pages} page(s) fetched, {NewBlobs} new blob(s), {Unchanged} unchanged, {Failures} failure(s)")]
    private partial void LogCrawled(string host, int pages, int newBlobs, int unchanged, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Crawling {Host} failed on try {Attempt}; the message will be retried or poisoned")]
    private partial void LogFailed(Exception exception, string host, int attempt);
}
