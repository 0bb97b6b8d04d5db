namespace Ingest.Records.Storage;

/// <summary>The PartitionKeys and RowKeys of the index and figure tables (docs/table-model.md).</summary>
internal static class IndexKeys
{
    public static string YearPartition(int year) => KeyEncoding.Join(RecordFields.YearPartition, KeyEncoding.Year(year));

    public static string AgencyPartition(string agency) =>
        KeyEncoding.Join(RecordFields.AgencyPartition, KeyEncoding.Segment(ReportIdentity.NormalizeAgency(agency)));

    public static string EraPartition(string era) => KeyEncoding.Join(RecordFields.EraPartition, KeyEncoding.Segment(era));

    public static string ChecksPartition(string status) => KeyEncoding.Join(RecordFields.ChecksPartition, KeyEncoding.Segment(status));

    public static string BlobPartition(string blobName) => KeyEncoding.Join(RecordFields.BlobPartition, KeyEncoding.Segment(blobName));

    public static string AgencyRow(string agency) => KeyEncoding.Segment(ReportIdentity.NormalizeAgency(agency));

    public static string FigurePartition(int year, string key) => KeyEncoding.Join(KeyEncoding.Year(year), KeyEncoding.Segment(key));

    /// <summary>Region first, so one region of a year is a RowKey prefix.</summary>
    public static string RegionRow(string? region, string reportId) => KeyEncoding.Join(KeyEncoding.Segment(Trim(region)), reportId);

    public static string YearRegionRow(int year, string? region, string reportId) =>
        KeyEncoding.Join(KeyEncoding.Year(year), KeyEncoding.Segment(Trim(region)), reportId);

    public static string YearRow(int year, string reportId) => KeyEncoding.Join(KeyEncoding.Year(year), reportId);

    public static string CellRow(string key) => KeyEncoding.Join(RecordFields.CellPrefix, KeyEncoding.Segment(key));

    public static string CheckRow(int index) =>
        KeyEncoding.Join(RecordFields.CheckPrefix, index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));

    public static string WarningRow(int index) =>
        KeyEncoding.Join(RecordFields.WarningPrefix, index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));

    public static string ReceiptPartition(string parserVersion) => "v" + KeyEncoding.Segment(parserVersion);

    public static string BlobRow(string blobName, string etag) => KeyEncoding.Join(KeyEncoding.Segment(blobName), KeyEncoding.Segment(etag));

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
