using Azure;
using Azure.Data.Tables;

namespace Ingest.Records.Storage;

/// <summary>Partition-targeted queries with our opaque continuation tokens; filters come from <see cref="TableClient.CreateQueryFilter(FormattableString)"/> only.</summary>
internal static class TableQueries
{
    public static string Filter(params FormattableString?[] parts) =>
        string.Join(" and ", parts.Where(p => p is not null).Select(p => TableClient.CreateQueryFilter(p!)));

    /// <summary>The entities whose RowKey starts with <paramref name="prefix"/> followed by the separator.</summary>
    public static FormattableString RowKeyPrefix(string prefix) =>
        $"RowKey ge {prefix + KeyEncoding.Separator} and RowKey lt {KeyEncoding.PrefixEnd(prefix)}";

    /// <summary>Up to <paramref name="pageSize"/> entities from where <paramref name="token"/> left off.</summary>
    public static async Task<(List<TableEntity> Items, string? Token)> PageAsync(
        TableClient table, string filter, int pageSize, string? token, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        if (!ContinuationToken.TryUnwrap(token, out var next))
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(token));
        }

        var items = new List<TableEntity>();
        try
        {
            // The service may return short or even empty pages (1,000 rows / 5 s per request); keep
            // asking until the page is full or the partition is exhausted.
            do
            {
                var wanted = pageSize - items.Count;
                string? after = null;
                await foreach (var page in table.QueryAsync<TableEntity>(filter, wanted, select, cancellationToken).AsPages(next, wanted))
                {
                    items.AddRange(page.Values);
                    after = page.ContinuationToken;
                    break;
                }

                next = after;
            }
            while (items.Count < pageSize && next is not null);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The table does not exist yet: nothing was written, so nothing to list.
            return ([], null);
        }

        return (items, ContinuationToken.Wrap(next));
    }

    /// <summary>Every entity matching <paramref name="filter"/> (one partition, so bounded by one report's size).</summary>
    public static async Task<List<TableEntity>> AllAsync(TableClient table, string filter, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var items = new List<TableEntity>();
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, 1000, select, cancellationToken))
            {
                items.Add(entity);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        return items;
    }

    public static async Task<TableEntity?> PointReadAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
