namespace Ingest.Records;

/// <summary>One figure key (e.g. applications.new.total) across all reports of a year, optionally of one region.</summary>
public sealed record FigureQuery(string Key, int Year)
{
    public string? Region { get; init; }
    public int PageSize { get; init; } = 1000;
    public string? ContinuationToken { get; init; }

    /// <summary>Why this query cannot run, or null when it can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Key) || Key.Length > 200)
        {
            return "figure key is required (at most 200 characters).";
        }

        if (Year is < 1900 or > 2999)
        {
            return "year must be a four-digit year.";
        }

        if (PageSize is < 1 or > ReportQuery.MaxPageSize)
        {
            return $"page size must be between 1 and {ReportQuery.MaxPageSize}.";
        }

        return Storage.ContinuationToken.TryUnwrap(ContinuationToken, out _) ? null : "continuation token is not valid.";
    }
}
