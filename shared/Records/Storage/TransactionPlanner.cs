using Azure.Data.Tables;

namespace Ingest.Records.Storage;

/// <summary>
/// Splits table actions into entity-group transactions the service accepts: one PartitionKey each, at
/// most 100 actions, under 4 MiB, one action per entity. Order is kept within a partition, so the
/// action that should land last (the report's <c>record</c> entity) does.
/// </summary>
public static class TransactionPlanner
{
    /// <summary>Keeps a margin under 4 MiB for the batch envelope and our estimate's own error.</summary>
    internal const long PayloadBudget = EntityLimits.MaxTransactionBytes - (256 * 1024);

    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> Plan(IEnumerable<TableTransactionAction> actions) =>
        Plan(actions, EntityLimits.MaxTransactionActions, PayloadBudget);

    internal static IReadOnlyList<IReadOnlyList<TableTransactionAction>> Plan(IEnumerable<TableTransactionAction> actions, int maxActions, long payloadBudget)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var byPartition = new Dictionary<string, List<TableTransactionAction>>(StringComparer.Ordinal);
        var order = new List<string>();
        var seen = new HashSet<(string, string)>();
        foreach (var action in actions)
        {
            EntityLimits.Enforce(action.Entity);
            if (!seen.Add((action.Entity.PartitionKey, action.Entity.RowKey)))
            {
                throw new TableLimitException(
                    $"two actions for {action.Entity.PartitionKey}/{action.Entity.RowKey}: a transaction allows one operation per entity");
            }

            if (!byPartition.TryGetValue(action.Entity.PartitionKey, out var list))
            {
                byPartition[action.Entity.PartitionKey] = list = [];
                order.Add(action.Entity.PartitionKey);
            }

            list.Add(action);
        }

        var batches = new List<IReadOnlyList<TableTransactionAction>>();
        foreach (var partition in order)
        {
            var current = new List<TableTransactionAction>();
            long bytes = 0;
            foreach (var action in byPartition[partition])
            {
                var size = EntityLimits.PayloadEstimate(action.Entity);
                if (size > payloadBudget)
                {
                    throw new TableLimitException(
                        $"entity {action.Entity.PartitionKey}/{action.Entity.RowKey} (~{size} bytes) cannot fit in a transaction");
                }

                if (current.Count == maxActions || bytes + size > payloadBudget)
                {
                    batches.Add(current);
                    current = [];
                    bytes = 0;
                }

                current.Add(action);
                bytes += size;
            }

            if (current.Count > 0)
            {
                batches.Add(current);
            }
        }

        return batches;
    }
}
