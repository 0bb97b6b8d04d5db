using System.Collections.Concurrent;
using Ingest.Functions.Hosting.Core;
using Ingest.Records;

namespace Ingest.Tests.Functions;

/// <summary>Stands in for the parse-and-record core where a test is about the blob trigger's contract.</summary>
public sealed class RecordingReportParsing(ParseOutcomeKind outcome = ParseOutcomeKind.Written) : IReportParsing
{
    public ConcurrentQueue<(string Name, byte[]? Content)> Calls { get; } = new();

    public Task<ParseHandling> HandleAsync(string blobName, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken)
    {
        Calls.Enqueue((blobName, content?.ToArray()));
        return Task.FromResult(new ParseHandling(outcome, blobName, outcome == ParseOutcomeKind.Written ? "report-1" : null, outcome == ParseOutcomeKind.Written ? null : "test outcome"));
    }
}
