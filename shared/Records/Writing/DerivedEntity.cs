using Azure.Data.Tables;

namespace Ingest.Records.Writing;

internal sealed record DerivedEntity(DerivedTable Table, TableEntity Entity)
{
    public DerivedKey Key => new(Table, Entity.PartitionKey, Entity.RowKey);
}
