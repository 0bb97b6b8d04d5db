using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Ingest.Tests.Records;

/// <summary>
/// Records every entity-group transaction sent to the table service: how many operations it held, which
/// PartitionKeys they addressed, and its payload size. Azurite accepts batches Azure rejects, so tests
/// check the limits here, on the wire.
/// </summary>
internal sealed partial class TableRequestRecorder : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<RecordedBatch> batches = new();
    private int writes;

    /// <summary>Every request that can change a table (anything but GET).</summary>
    public int Writes => Volatile.Read(ref writes);

    public IReadOnlyList<RecordedBatch> Batches => [.. batches];

    public void Clear() => batches.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get)
        {
            Interlocked.Increment(ref writes);
        }

        if (!message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || message.Request.Content is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        message.Request.Content.WriteTo(buffer, CancellationToken.None);
        var body = Encoding.UTF8.GetString(buffer.ToArray());
        var partitions = EntityAddress().Matches(body).Select(m => Uri.UnescapeDataString(m.Groups["pk"].Value)).ToList();
        batches.Enqueue(new RecordedBatch(partitions.Count, partitions.Distinct().ToList(), buffer.Length));
    }

    [GeneratedRegex(@"^(?:PUT|MERGE|DELETE|POST|PATCH) \S+\(PartitionKey='(?<pk>[^']*)',RowKey='[^']*'\)\S* HTTP/1\.1", RegexOptions.Multiline)]
    private static partial Regex EntityAddress();
}

internal sealed record RecordedBatch(int Operations, IReadOnlyList<string> PartitionKeys, long PayloadBytes);
