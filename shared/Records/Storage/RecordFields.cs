namespace Ingest.Records.Storage;

/// <summary>Property names and row keys of the records tables (docs/table-model.md), shared by writer and reader.</summary>
internal static class RecordFields
{
    public const string RecordRow = "record";
    public const string CellPrefix = "cell";
    public const string CheckPrefix = "check";
    public const string WarningPrefix = "warning";

    public const string ReportId = "ReportId";
    public const string Agency = "Agency";
    public const string AgencyKey = "AgencyKey";
    public const string AgencyAsWritten = "AgencyAsWritten";
    public const string AgencySource = "AgencySource";
    public const string Year = "Year";
    public const string YearSource = "YearSource";
    public const string Region = "Region";
    public const string Title = "Title";
    public const string PublishedAt = "PublishedAt";
    public const string IndexNo = "IndexNo";
    public const string Era = "Era";
    public const string Scope = "Scope";
    public const string MirrorSuspect = "MirrorSuspect";
    public const string Charset = "Charset";
    public const string ChecksStatus = "ChecksStatus";
    public const string CheckCount = "CheckCount";
    public const string FailedCheckCount = "FailedCheckCount";
    public const string FigureCount = "FigureCount";
    public const string BlankCount = "BlankCount";
    public const string NotApplicableCount = "NotApplicableCount";
    public const string WarningCount = "WarningCount";
    public const string ParserVersion = "ParserVersion";
    public const string BlobName = "BlobName";
    public const string BlobETag = "BlobETag";
    public const string SourceUrl = "SourceUrl";
    public const string FinalUrl = "FinalUrl";
    public const string FetchedAt = "FetchedAt";
    public const string HttpStatus = "HttpStatus";
    public const string Sha256 = "Sha256";
    public const string ContentType = "ContentType";
    public const string CrawlerVersion = "CrawlerVersion";
    public const string SourceId = "SourceId";
    public const string WrittenAt = "WrittenAt";

    public const string Key = "Key";
    public const string State = "State";
    public const string Value = "Value";
    public const string Exact = "Exact";
    public const string Unit = "Unit";

    public const string Rule = "Rule";
    public const string CheckScope = "Scope";
    public const string Ok = "Ok";
    public const string Expected = "Expected";
    public const string Actual = "Actual";

    public const string Text = "Text";

    /// <summary>Suffix of a property that names the blob holding text too long for the table.</summary>
    public const string BlobSuffix = "Blob";

    public const string Years = "Years";
    public const string ReportCount = "ReportCount";
    public const string Regions = "Regions";

    public const string YearPartition = "year";
    public const string AgencyPartition = "agency";
    public const string EraPartition = "era";
    public const string ChecksPartition = "checks";
    public const string AgenciesPartition = "agencies";
    public const string BlobPartition = "blob";
    public const string BlobReportRow = "report";

    public const string ETag = "ETag";
    public const string ReceiptState = "State";
    public const string Attempts = "Attempts";
    public const string LastReason = "LastReason";
    public const string ClaimedBy = "ClaimedBy";
    public const string ClaimedUntil = "ClaimedUntil";
    public const string CompletedAt = "CompletedAt";

    public const string Kind = "Kind";
    public const string Reason = "Reason";
    public const string FailedAt = "FailedAt";
}
