using Ingest.Records.Storage;

namespace Ingest.Records;

/// <summary>
/// A report list: by agency, or by year (optionally one region), or by era, or by check status; the
/// other fields narrow it inside that one partition. At least one of agency, year, era or check status
/// is required: anything else would be a table scan.
/// </summary>
public sealed record ReportQuery
{
    public const int MaxPageSize = 1000;

    public string? Agency { get; init; }
    public int? Year { get; init; }

    /// <summary>Only with <see cref="Year"/>, <see cref="Era"/> or <see cref="ChecksStatus"/>, or to narrow an agency list.</summary>
    public string? Region { get; init; }

    /// <summary>An era key: gb2021, gb2019, stat2014, prose_legacy, unknown.</summary>
    public string? Era { get; init; }

    /// <summary>ok, failed or none (see <see cref="Records.ChecksStatus"/>).</summary>
    public string? ChecksStatus { get; init; }

    public int PageSize { get; init; } = 100;
    public string? ContinuationToken { get; init; }

    /// <summary>Why this query cannot run, or null when it can (the Lookup API turns this into problem+json).</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Agency) && Year is null && Era is null && ChecksStatus is null)
        {
            return "Give at least one of agency, year, era or checks status.";
        }

        if (Year is < 1900 or > 2999)
        {
            return "year must be a four-digit year.";
        }

        if (Era is not null && !Parsing.ReportEraNames.TryParse(Era, out _))
        {
            return "era must be one of gb2021, gb2019, stat2014, prose_legacy, unknown.";
        }

        if (ChecksStatus is not null && !Records.ChecksStatus.IsKnown(ChecksStatus))
        {
            return "checks status must be one of ok, failed, none.";
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            return $"page size must be between 1 and {MaxPageSize}.";
        }

        return Storage.ContinuationToken.TryUnwrap(ContinuationToken, out _) ? null : "continuation token is not valid.";
    }
}
