using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Ingest.Tests.Lookup;

/// <summary>Keeps the <c>$filter</c> of every table query the API sends, to see exactly what reached storage.</summary>
internal sealed class TableFilterRecorder : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> filters = new();

    public IReadOnlyList<string> Filters => [.. filters];

    public void Clear() => filters.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        var query = message.Request.Uri.Query;
        foreach (var part in query.TrimStart('?').Split('&'))
        {
            if (part.StartsWith("$filter=", StringComparison.Ordinal))
            {
                filters.Enqueue(Uri.UnescapeDataString(part["$filter=".Length..].Replace('+', ' ')));
            }
        }
    }
}
