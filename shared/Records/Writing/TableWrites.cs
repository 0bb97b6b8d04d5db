using Azure;
using Azure.Data.Tables;
using Ingest.Records.Storage;

namespace Ingest.Records.Writing;

/// <summary>
/// Sends planned actions: a one-action batch as a plain operation (cheaper than a transaction), larger
/// ones as entity-group transactions; independent batches in parallel up to a bound.
/// </summary>
internal static class TableWrites
{
    public static async Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 1)
        {
            var action = batch[0];
            switch (action.ActionType)
            {
                case TableTransactionActionType.UpsertReplace:
                    await table.UpsertEntityAsync(action.Entity, TableUpdateMode.Replace, cancellationToken);
                    return;
                case TableTransactionActionType.UpsertMerge:
                    await table.UpsertEntityAsync(action.Entity, TableUpdateMode.Merge, cancellationToken);
                    return;
                case TableTransactionActionType.Delete:
                    await DeleteAsync(table, action.Entity.PartitionKey, action.Entity.RowKey, cancellationToken);
                    return;
            }
        }

        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404 && batch.Any(a => a.ActionType == TableTransactionActionType.Delete))
        {
            // A delete of an entity already gone fails the whole transaction: delete one by one, then
            // send the rest again.
            foreach (var action in batch.Where(a => a.ActionType == TableTransactionActionType.Delete))
            {
                await DeleteAsync(table, action.Entity.PartitionKey, action.Entity.RowKey, cancellationToken);
            }

            var rest = batch.Where(a => a.ActionType != TableTransactionActionType.Delete).ToList();
            if (rest.Count > 0)
            {
                await table.SubmitTransactionAsync(rest, cancellationToken);
            }
        }
    }

    /// <summary>Plans <paramref name="actions"/> and sends the batches, at most <paramref name="concurrency"/> at once.</summary>
    public static async Task RunAsync(TableClient table, IEnumerable<TableTransactionAction> actions, int concurrency, CancellationToken cancellationToken)
    {
        var batches = TransactionPlanner.Plan(actions);
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (batch, token) => await SubmitAsync(table, batch, token));
    }

    public static async Task DeleteAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: the goal of a delete.
        }
    }
}
