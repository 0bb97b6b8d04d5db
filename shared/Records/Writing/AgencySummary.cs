using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Ingest.Records.Storage;
using Ingest.Storage;

namespace Ingest.Records.Writing;

/// <summary>
/// The <c>agencies</c> entity of one agency, recomputed from the agency's index partition with an
/// ETag-conditional replace: two writers of two reports of one agency cannot lose each other's year.
/// </summary>
internal sealed class AgencySummary(IngestStorage storage)
{
    private TableClient Index => storage.Table(storage.Layout.ReportIndexTable);

    public async Task RefreshAsync(string agency, CancellationToken cancellationToken)
    {
        var row = IndexKeys.AgencyRow(agency);
        var filter = TableQueries.Filter($"PartitionKey eq {IndexKeys.AgencyPartition(agency)}");
        for (var round = 0; ; round++)
        {
            var current = await TableQueries.PointReadAsync(Index, RecordFields.AgenciesPartition, row, cancellationToken);
            var reports = await TableQueries.AllAsync(Index, filter, [RecordFields.Year, RecordFields.Region, RecordFields.Agency], cancellationToken);
            try
            {
                if (reports.Count == 0)
                {
                    if (current is not null)
                    {
                        await Index.DeleteEntityAsync(RecordFields.AgenciesPartition, row, current.ETag, cancellationToken);
                    }

                    return;
                }

                var entity = new TableEntity(RecordFields.AgenciesPartition, row)
                {
                    [RecordFields.Agency] = agency.Trim(),
                    [RecordFields.Years] = string.Join(',', reports.Select(r => r.GetInt32(RecordFields.Year) ?? 0).Distinct().Order().Select(y => y.ToString(CultureInfo.InvariantCulture))),
                    [RecordFields.ReportCount] = reports.Count,
                    [RecordFields.Regions] = string.Join(',', reports.Select(r => r.GetString(RecordFields.Region)).OfType<string>().Distinct().Order(StringComparer.Ordinal)),
                };
                if (current is null)
                {
                    await Index.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await Index.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404 && round < 20)
            {
                // Someone refreshed it in between: recompute from the partition as it is now.
            }
        }
    }
}
