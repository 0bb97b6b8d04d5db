using Ingest.Functions.Hosting.Core;
using Ingest.Functions.Hosting.Invocation;
using Ingest.Records;

namespace Ingest.Functions.ParseReport;

/// <summary>
/// The blob function: parse one raw capture and record it. The trigger is <c>dataType: binary</c>, so
/// the page arrives as base64 bytes and its charset is decided by the parser, never by the host.
/// <see cref="ParseOutcomeKind.Failed"/> replies 500 so the host retries; the handler counts tries and
/// answers <see cref="ParseOutcomeKind.Poisoned"/> at the last, which replies 200 so it stops.
/// </summary>
public sealed partial class ParseReportFunction(IReportParsing parsing, ILogger<ParseReportFunction> logger)
{
    public const string Name = "ParseReport";
    public const string BindingName = "page";

    public async Task<IResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var name = request.Metadata.TryGetValue("name", out var nameValue) ? InvocationValue.Text(nameValue) : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return InvocationReply.BadPayload("Metadata.name (the blob name from the trigger path raw/{name}) is missing.");
        }

        if (name.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            return InvocationReply.BadPayload($"Metadata.name '{name}' is not a blob name.");
        }

        if (request.Trigger(BindingName) is not { } trigger || InvocationValue.Bytes(trigger) is not { } content)
        {
            return InvocationReply.BadPayload($"Data.{BindingName} must be the blob's bytes as base64 (function.json dataType binary).");
        }

        if (request.Retry is { } retry)
        {
            LogRetry(name, retry.RetryCount, retry.MaxRetryCount, retry.Exception);
        }

        ParseHandling handling;
        try
        {
            handling = await HandleAsync(name, content, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCrashed(e, name);
            return InvocationReply.Failed($"Parsing {name} failed: {e.Message}");
        }

        return handling.Outcome == ParseOutcomeKind.Failed
            ? InvocationReply.Failed($"Parsing {name} failed: {handling.Reason}")
            : InvocationReply.Success(Describe(handling));
    }

    /// <summary>The function's work, shared with the demo; logs every outcome.</summary>
    public async Task<ParseHandling> HandleAsync(string blobName, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken)
    {
        var handling = await parsing.HandleAsync(blobName, content, cancellationToken);
        switch (handling.Outcome)
        {
            case ParseOutcomeKind.Failed:
                LogFailed(blobName, handling.Reason);
                break;
            case ParseOutcomeKind.Poisoned:
                LogPoisoned(blobName, handling.Reason);
                break;
            default:
                LogHandled(blobName, handling.Outcome, handling.ReportId ?? "-", handling.Reason ?? "-");
                break;
        }

        return handling;
    }

    public static string Describe(ParseHandling handling) =>
        $"{handling.BlobName}: {handling.Outcome}" +
        (handling.ReportId is null ? "" : $" as {handling.ReportId}") +
        (handling.Reason is null ? "" : $" ({handling.Reason})");

    [LoggerMessage(Level = LogLevel.Information, Message = "Parsing {BlobName} again: retry {RetryCount} of {MaxRetryCount} after {Exception}")]
    private partial void LogRetry(string blobName, int retryCount, int maxRetryCount, string? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName}: {Outcome}, report {ReportId}, reason {Reason}")]
    private partial void LogHandled(string blobName, ParseOutcomeKind outcome, string reportId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parsing {BlobName} failed ({Reason}); the trigger will retry")]
    private partial void LogFailed(string blobName, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parsing {BlobName} kept failing and is poisoned: {Reason}")]
    private partial void LogPoisoned(string blobName, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parsing {BlobName} threw; the trigger will retry")]
    private partial void LogCrashed(Exception exception, string blobName);
}
