namespace Ingest.Records.Writing;

internal sealed record DerivedKey(DerivedTable Table, string PartitionKey, string RowKey);
