using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Ingest.Storage;

namespace Ingest.Crawling.State;

/// <summary>
/// Crawl state in Table Storage: PartitionKey = host (one partition per crawl request), RowKey = SHA-256
/// of the URL (URLs hold characters RowKeys forbid, and may be longer than 1 KiB).
/// </summary>
public sealed class CrawlStateStore
{
    private const int MaxStringChars = 4000;
    private readonly TableClient table;
    private readonly Lazy<Task> created;

    public CrawlStateStore(IngestStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        table = storage.Table(storage.Layout.CrawlStateTable);
        created = new Lazy<Task>(() => table.CreateIfNotExistsAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static string PartitionKeyFor(string host) => host.ToLowerInvariant().Replace(':', '_');

    public static string RowKeyFor(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));

    public async Task<CrawlState?> GetAsync(string host, string url, CancellationToken cancellationToken)
    {
        await created.Value;
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKeyFor(host), RowKeyFor(url), cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task SaveAsync(CrawlState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await created.Value;
        await table.UpsertEntityAsync(ToEntity(state), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every state of a host (one partition query).</summary>
    public async Task<IReadOnlyList<CrawlState>> ListAsync(string host, CancellationToken cancellationToken)
    {
        await created.Value;
        var states = new List<CrawlState>();
        var partition = PartitionKeyFor(host);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            states.Add(FromEntity(entity));
        }

        return states;
    }

    private static TableEntity ToEntity(CrawlState state) => new(PartitionKeyFor(state.Host), RowKeyFor(state.Url))
    {
        ["Url"] = Clip(state.Url),
        ["Host"] = state.Host,
        ["Kind"] = state.Kind.ToString(),
        ["SourceId"] = state.SourceId,
        ["Outcome"] = state.Outcome.ToString(),
        ["HttpStatus"] = state.HttpStatus,
        ["FailureKind"] = state.FailureKind,
        ["FailureReason"] = Clip(state.FailureReason),
        ["LastAttemptAt"] = state.LastAttemptAt,
        ["LastChangedAt"] = state.LastChangedAt,
        ["ETag"] = Clip(state.ETag),
        ["LastModified"] = state.LastModified,
        ["Sha256"] = state.Sha256,
        ["BlobName"] = state.BlobName,
        ["FinalUrl"] = Clip(state.FinalUrl),
        ["Charset"] = state.Charset,
    };

    private static CrawlState FromEntity(TableEntity entity) => new()
    {
        Url = entity.GetString("Url") ?? "",
        Host = entity.GetString("Host") ?? entity.PartitionKey,
        Kind = Enum.TryParse<CrawlPageKind>(entity.GetString("Kind"), out var kind) ? kind : CrawlPageKind.Report,
        SourceId = entity.GetString("SourceId"),
        Outcome = Enum.TryParse<CrawlOutcome>(entity.GetString("Outcome"), out var outcome) ? outcome : CrawlOutcome.Failed,
        HttpStatus = entity.GetInt32("HttpStatus") ?? 0,
        FailureKind = entity.GetString("FailureKind"),
        FailureReason = entity.GetString("FailureReason"),
        LastAttemptAt = entity.GetDateTimeOffset("LastAttemptAt") ?? DateTimeOffset.MinValue,
        LastChangedAt = entity.GetDateTimeOffset("LastChangedAt"),
        ETag = entity.GetString("ETag"),
        LastModified = entity.GetString("LastModified"),
        Sha256 = entity.GetString("Sha256"),
        BlobName = entity.GetString("BlobName"),
        FinalUrl = entity.GetString("FinalUrl"),
        Charset = entity.GetString("Charset"),
    };

    // Table strings stop at 64 KiB (32 K UTF-16 chars); nothing here needs more than a few thousand.
    private static string? Clip(string? value) => value is { Length: > MaxStringChars } ? value[..MaxStringChars] : value;
}
