using System.Collections.Concurrent;
using Azure.Storage.Blobs.Models;
using Ingest.Archive;
using Ingest.Parsing;
using Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Ingest.Records;

/// <summary>
/// Replays archived raw blobs through the current parser (the <c>reparse</c> verb). Receipts are kept
/// per parser version, so after a version change every blob is pending again; with the same version
/// only <see cref="ReparseFilter.Force"/> re-handles what is already done. Failures are retried up to
/// MaxAttempts, as the trigger would, and end poisoned in the failures table.
/// </summary>
public sealed class ReparseRunner(IngestStorage storage, ParseReportHandler handler, IOptions<RecordsOptions> options, TimeProvider time)
{
    public string ParserVersion => handler.ParserVersion;

    public async Task<ReparseSummary> RunAsync(ReparseFilter filter, IProgress<ParseHandling>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        await storage.EnsureRecordsTablesAsync(cancellationToken);

        var candidates = new List<string>();
        await foreach (var item in storage.RawContainer.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (Selected(item, filter))
            {
                candidates.Add(item.Name);
            }
        }

        var outcomes = new ConcurrentDictionary<ParseOutcomeKind, int>();
        var skipped = 0;
        var recordFilter = RecordFilter(filter);
        await Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = settings.WatcherConcurrency, CancellationToken = cancellationToken },
            async (name, token) =>
            {
                ParseHandling? result = null;
                for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
                {
                    result = await handler.HandleAsync(name, null, recordFilter, filter.Force, token);
                    if (result is not { Outcome: ParseOutcomeKind.Failed })
                    {
                        break;
                    }

                    await Task.Delay(settings.RetryDelay, time, token);
                }

                if (result is null)
                {
                    Interlocked.Increment(ref skipped);
                    return;
                }

                outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
                progress?.Report(result);
            });

        return new ReparseSummary(handler.ParserVersion, candidates.Count, skipped, outcomes.ToDictionary());
    }

    private static bool Selected(BlobItem item, ReparseFilter filter)
    {
        if (filter.Since is null && filter.Region is null)
        {
            return true;
        }

        var capture = CaptureMetadata.FromBlobMetadata(item.Metadata ?? new Dictionary<string, string>());
        var fetchedAt = capture?.FetchedAt ?? item.Properties.LastModified ?? DateTimeOffset.MinValue;
        if (filter.Since is { } since && fetchedAt < since)
        {
            return false;
        }

        return filter.Region is null || string.Equals(capture?.Region?.Trim(), filter.Region.Trim(), StringComparison.Ordinal);
    }

    private static Func<ReportRecord, CaptureMetadata, bool>? RecordFilter(ReparseFilter filter)
    {
        if (filter.Agency is null && filter.Year is null)
        {
            return null;
        }

        var agency = filter.Agency is null ? null : ReportIdentity.NormalizeAgency(filter.Agency);
        return (record, capture) =>
            (filter.Year is null || record.Year == filter.Year) &&
            (agency is null ||
             (record.Agency is not null && ReportIdentity.NormalizeAgency(record.Agency) == agency) ||
             (capture.Agency is not null && ReportIdentity.NormalizeAgency(capture.Agency) == agency));
    }
}
