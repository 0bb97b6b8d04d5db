using System.Diagnostics;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Ingest.Archive;
using Ingest.Parsing;
using Ingest.Records.Storage;
using Ingest.Records.Writing;
using Ingest.Storage;
using Ingest.Telemetry;
using Microsoft.Extensions.Options;

namespace Ingest.Records;

/// <summary>
/// The ParseReport function's body: read a raw blob (or use the bytes the trigger delivered), parse it,
/// and write the record, figures, indexes and a receipt. Idempotent per blob name + ETag + parser version.
/// <see cref="ParseOutcomeKind.Failed"/> means "retry me" (the trigger layer answers non-success); the
/// handler counts attempts itself and answers <see cref="ParseOutcomeKind.Poisoned"/> at the Nth, after
/// recording the blob in the failures table, so the Functions host and the watcher behave alike.
/// </summary>
public sealed class ParseReportHandler
{
    private readonly IngestStorage storage;
    private readonly ParserRelease parser;
    private readonly RecordsOptions options;
    private readonly TimeProvider time;
    private readonly ReceiptBook receipts;
    private readonly Quarantine quarantine;
    private readonly ReportWriter writer;
    private readonly ReportLock locks;
    private readonly RecordText text;
    private Task? ensured;

    public ParseReportHandler(IngestStorage storage, ParserRelease parser, IOptions<RecordsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.storage = storage;
        this.parser = parser;
        this.options = options.Value;
        this.time = time;
        text = new RecordText(storage);
        receipts = new ReceiptBook(storage);
        quarantine = new Quarantine(storage, text);
        writer = new ReportWriter(storage, text, this.options.WriteConcurrency);
        locks = new ReportLock(storage, time);
    }

    /// <summary>The parser version receipts and records are written under.</summary>
    public string ParserVersion => parser.Version;

    public async Task<ParseHandling> HandleAsync(string blobName, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken) =>
        (await HandleAsync(blobName, content, filter: null, force: false, cancellationToken))!;

    /// <summary>
    /// The reparse verb's entry: <paramref name="filter"/> decides from the parsed record whether to write
    /// at all (null result: skipped, nothing changed); <paramref name="force"/> ignores a terminal receipt.
    /// </summary>
    internal async Task<ParseHandling?> HandleAsync(
        string blobName, ReadOnlyMemory<byte>? content, Func<ReportRecord, CaptureMetadata, bool>? filter, bool force, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        using var activity = IngestTelemetry.StartActivity("ingest.parse");
        activity?.SetTag(IngestTelemetry.Tags.BlobName, blobName);
        var parsed = new ParseSighting();
        var handling = await HandleCoreAsync(blobName, content, filter, force, parsed, cancellationToken);
        if (handling is not null)
        {
            parsed.Emit(handling, activity);
        }

        return handling;
    }

    /// <summary>
    /// Re-handles a quarantined blob after a fix (the <c>failures --retry</c> verb): forgets its receipt
    /// under the current parser version (attempts included) and its failure entries, then handles it as
    /// new. A blob that still fails is quarantined again with the new reason.
    /// </summary>
    public async Task<ParseHandling> RetryQuarantinedAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        ArgumentNullException.ThrowIfNull(etag);
        await EnsureStorageAsync(cancellationToken);
        await TableWrites.DeleteAsync(storage.Table(storage.Layout.ParseReceiptsTable), IndexKeys.ReceiptPartition(parser.Version), IndexKeys.BlobRow(blobName, etag), cancellationToken);
        await quarantine.ClearAsync(blobName, etag, except: null, cancellationToken);
        return (await HandleAsync(blobName, null, filter: null, force: true, cancellationToken))!;
    }

    private async Task<ParseHandling?> HandleCoreAsync(
        string blobName, ReadOnlyMemory<byte>? content, Func<ReportRecord, CaptureMetadata, bool>? filter, bool force, ParseSighting parsed, CancellationToken cancellationToken)
    {
        string? etag = null;
        CaptureMetadata? capture = null;
        try
        {
            await EnsureStorageAsync(cancellationToken);
            var blob = await ReadBlobAsync(blobName, content, cancellationToken);
            if (blob is null)
            {
                return await FailAsync(blobName, "-", "raw blob not found", null, cancellationToken);
            }

            etag = blob.ETag;
            capture = blob.Capture;
            parsed.Linked(capture.TraceParent);
            var receipt = await receipts.GetAsync(parser.Version, blobName, etag, cancellationToken);
            if (receipt is { IsTerminal: true } && !force)
            {
                return new ParseHandling(ParseOutcomeKind.AlreadyDone, blobName, receipt.ReportId, receipt.State);
            }

            if (blob.Content.IsEmpty)
            {
                return await QuarantineAsync(FailureKind.ParseError, blobName, etag, "the raw blob is empty", capture, cancellationToken);
            }

            var record = parser.Parse(new PageInput(blob.Content, blobName, capture.ContentType ?? blob.ContentType, capture.FinalUrl, capture.Agency));
            parsed.Record = record;
            if (filter is not null && !filter(record, capture))
            {
                return null;
            }

            if (!record.IsReport)
            {
                return await QuarantineAsync(FailureKind.NotAReport, blobName, etag, record.NotReportReason ?? "the parser did not recognise a report", capture, cancellationToken);
            }

            if (string.IsNullOrWhiteSpace(record.Agency) || record.Year is not (>= 1000 and <= 9999))
            {
                var missing = string.IsNullOrWhiteSpace(record.Agency) ? "agency" : "year";
                return await QuarantineAsync(FailureKind.ParseError, blobName, etag, $"the report's {missing} could not be determined, so it has no stable id", capture, cancellationToken);
            }

            return await WriteAsync(blobName, etag, record, capture, force, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else (storage unreachable, a parser bug, a lock held too long) is worth retrying.
            return await FailAsync(blobName, etag ?? "-", $"{e.GetType().Name}: {e.Message}", capture, cancellationToken);
        }
    }

    private async Task<ParseHandling> WriteAsync(string blobName, string etag, ReportRecord record, CaptureMetadata capture, bool force, CancellationToken cancellationToken)
    {
        var reportId = ReportIdentity.For(record.Agency!, record.Year!.Value, record.Scope);
        // The record says which parser wrote it; the release's version is the one receipts are kept under.
        record = record with { ParserVersion = string.IsNullOrEmpty(record.ParserVersion) ? parser.Version : record.ParserVersion };
        await using (await locks.AcquireAsync(reportId, options.ReportLockWait, cancellationToken))
        {
            var receipt = await receipts.GetAsync(parser.Version, blobName, etag, cancellationToken);
            if (receipt is { IsTerminal: true } && !force)
            {
                return new ParseHandling(ParseOutcomeKind.AlreadyDone, blobName, receipt.ReportId, receipt.State);
            }

            var draft = new ReportDraft(
                reportId,
                IndexKeys.AgencyRow(record.Agency!),
                string.IsNullOrWhiteSpace(capture.Region) ? null : capture.Region.Trim(),
                record,
                capture,
                blobName,
                etag,
                time.GetUtcNow());
            var result = await writer.WriteAsync(draft, cancellationToken);
            if (result == WriteResult.Superseded)
            {
                const string reason = "a newer capture of this report is already recorded";
                await receipts.CompleteAsync(parser.Version, blobName, etag, ReceiptState.Superseded, reportId, reason, time.GetUtcNow(), cancellationToken);
                return new ParseHandling(ParseOutcomeKind.Superseded, blobName, reportId, reason);
            }
        }

        await ForgetPreviousReportAsync(blobName, reportId, cancellationToken);
        await quarantine.ClearAsync(blobName, etag, except: null, cancellationToken);
        await receipts.CompleteAsync(parser.Version, blobName, etag, ReceiptState.Written, reportId, null, time.GetUtcNow(), cancellationToken);
        return new ParseHandling(ParseOutcomeKind.Written, blobName, reportId);
    }

    private async Task<ParseHandling> QuarantineAsync(string kind, string blobName, string etag, string reason, CaptureMetadata capture, CancellationToken cancellationToken)
    {
        await ForgetPreviousReportAsync(blobName, null, cancellationToken);
        await quarantine.RecordAsync(kind, blobName, etag, reason, parser.Version, 0, capture, time.GetUtcNow(), cancellationToken);
        await receipts.CompleteAsync(parser.Version, blobName, etag, ReceiptState.Quarantined, null, reason, time.GetUtcNow(), cancellationToken);
        return new ParseHandling(ParseOutcomeKind.Quarantined, blobName, null, $"{kind}: {reason}");
    }

    private async Task<ParseHandling> FailAsync(string blobName, string etag, string reason, CaptureMetadata? capture, CancellationToken cancellationToken)
    {
        int attempts;
        try
        {
            attempts = await receipts.CountFailureAsync(parser.Version, blobName, etag, reason, cancellationToken);
            if (attempts < options.MaxAttempts)
            {
                return new ParseHandling(ParseOutcomeKind.Failed, blobName, null, $"attempt {attempts} of {options.MaxAttempts}: {reason}");
            }

            await quarantine.RecordAsync(FailureKind.Poison, blobName, etag, reason, parser.Version, attempts, capture, time.GetUtcNow(), cancellationToken);
            await receipts.CompleteAsync(parser.Version, blobName, etag, ReceiptState.Poisoned, null, reason, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Storage itself is failing: the attempt cannot even be counted, so it does not count.
            return new ParseHandling(ParseOutcomeKind.Failed, blobName, null, $"{reason} (attempt not recorded: {e.Message})");
        }

        return new ParseHandling(ParseOutcomeKind.Poisoned, blobName, null, $"poisoned after {attempts} attempts: {reason}");
    }

    /// <summary>
    /// If this blob last wrote a different report (a new parser reads another agency or year from it, or
    /// no report at all), that report goes: it exists only because of an earlier misreading. A report a
    /// different capture wrote stays.
    /// </summary>
    private async Task ForgetPreviousReportAsync(string blobName, string? reportId, CancellationToken cancellationToken)
    {
        var index = storage.Table(storage.Layout.ReportIndexTable);
        var pk = IndexKeys.BlobPartition(blobName);
        var mapping = await TableQueries.PointReadAsync(index, pk, RecordFields.BlobReportRow, cancellationToken);
        var previous = mapping?.GetString(RecordFields.ReportId);
        if (previous is not null && previous != reportId)
        {
            await using (await locks.AcquireAsync(previous, options.ReportLockWait, cancellationToken))
            {
                if (await writer.WrittenFromAsync(previous, cancellationToken) == blobName)
                {
                    await writer.RemoveAsync(previous, cancellationToken);
                }
            }
        }

        if (reportId is null)
        {
            if (mapping is not null)
            {
                await TableWrites.DeleteAsync(index, pk, RecordFields.BlobReportRow, cancellationToken);
            }
        }
        else if (previous != reportId)
        {
            await index.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(pk, RecordFields.BlobReportRow) { [RecordFields.ReportId] = reportId }, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
        }
    }

    private async Task<RawBlob?> ReadBlobAsync(string blobName, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken)
    {
        var client = storage.RawContainer.GetBlobClient(blobName);
        try
        {
            if (content is { } delivered)
            {
                var properties = await client.GetPropertiesAsync(cancellationToken: cancellationToken);
                return RawBlob.From(delivered, properties.Value.ETag, properties.Value.Metadata, properties.Value.LastModified, properties.Value.ContentType, blobName);
            }

            var download = await client.DownloadContentAsync(cancellationToken);
            BlobDownloadDetails details = download.Value.Details;
            return RawBlob.From(download.Value.Content.ToMemory(), details.ETag, details.Metadata, details.LastModified, details.ContentType, blobName);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private Task EnsureStorageAsync(CancellationToken cancellationToken)
    {
        var current = ensured;
        if (current is { IsCompletedSuccessfully: true })
        {
            return current;
        }

        // Not cached when it failed: a later call (storage back) tries again.
        ensured = storage.EnsureRecordsTablesAsync(cancellationToken);
        return ensured;
    }

    /// <summary>What one handling saw, for its span and metrics (the handler itself is shared by concurrent calls).</summary>
    private sealed class ParseSighting
    {
        public ReportRecord? Record { get; set; }

        /// <summary>Links the parse span to the crawl span that archived the blob (a different trace, often another process).</summary>
        public void Linked(string? traceParent)
        {
            if (Activity.Current is { Source.Name: IngestTelemetry.SourceName } current &&
                ActivityContext.TryParse(traceParent, null, out var crawl))
            {
                current.AddLink(new ActivityLink(crawl));
                current.SetTag("ingest.crawl_trace_id", crawl.TraceId.ToHexString());
            }
        }

        public void Emit(ParseHandling handling, Activity? activity)
        {
            var era = Record is { IsReport: true } ? Record.Era.Key() : "none";
            var outcome = handling.Outcome switch
            {
                ParseOutcomeKind.AlreadyDone => "already_done",
                _ => handling.Outcome.ToString().ToLowerInvariant(),
            };
            var failureKind = handling.Outcome switch
            {
                ParseOutcomeKind.Poisoned => FailureKind.Poison,
                ParseOutcomeKind.Quarantined => FailureKind.All.FirstOrDefault(k => handling.Reason?.StartsWith(k + ":", StringComparison.Ordinal) == true) ?? "",
                _ => "",
            };
            IngestTelemetry.ParseOutcomes.Add(
                1,
                new KeyValuePair<string, object?>(IngestTelemetry.Tags.Outcome, outcome),
                new KeyValuePair<string, object?>(IngestTelemetry.Tags.Era, era),
                new KeyValuePair<string, object?>(IngestTelemetry.Tags.FailureKind, failureKind));
            if (handling.Outcome == ParseOutcomeKind.Written && Record is not null)
            {
                IngestTelemetry.RecordsWritten.Add(1, new KeyValuePair<string, object?>(IngestTelemetry.Tags.Era, era));
                foreach (var check in Record.Checks.Where(c => !c.Ok))
                {
                    IngestTelemetry.FailedChecks.Add(
                        1,
                        new KeyValuePair<string, object?>(IngestTelemetry.Tags.Rule, check.Rule),
                        new KeyValuePair<string, object?>(IngestTelemetry.Tags.Era, era));
                }
            }

            activity?.SetTag(IngestTelemetry.Tags.Outcome, outcome);
            activity?.SetTag(IngestTelemetry.Tags.Era, era);
            activity?.SetTag(IngestTelemetry.Tags.ReportId, handling.ReportId);
            if (failureKind.Length > 0)
            {
                activity?.SetTag(IngestTelemetry.Tags.FailureKind, failureKind);
            }

            if (handling.Outcome is ParseOutcomeKind.Failed or ParseOutcomeKind.Poisoned)
            {
                activity?.SetStatus(ActivityStatusCode.Error, handling.Reason);
            }
        }
    }

    private sealed record RawBlob(ReadOnlyMemory<byte> Content, string ETag, CaptureMetadata Capture, string? ContentType)
    {
        public static RawBlob From(ReadOnlyMemory<byte> content, ETag etag, IDictionary<string, string> metadata, DateTimeOffset lastModified, string? contentType, string blobName)
        {
            // A blob not written by the crawler still gets provenance: its own name and upload time.
            var capture = CaptureMetadata.FromBlobMetadata(metadata) ?? new CaptureMetadata
            {
                SourceUrl = blobName,
                FinalUrl = blobName,
                FetchedAt = lastModified,
                HttpStatus = 200,
                ContentType = contentType,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
                CrawlerVersion = "unknown",
            };
            return new RawBlob(content, KeyEncoding.ETagText(etag), capture, contentType);
        }
    }
}
