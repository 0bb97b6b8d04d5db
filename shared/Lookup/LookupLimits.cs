namespace Ingest.Lookup;

/// <summary>The bounds the API holds every query parameter to (README, section Lookup API).</summary>
public static class LookupLimits
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxFigureKey = 200;
    public const int MaxReportId = 80;
    public const int MaxAgency = 100;
    public const int MaxRegion = 100;
    public const int MaxAgencyQuery = 100;

    /// <summary>Tokens we issue are well under this; anything longer is not ours.</summary>
    public const int MaxContinuation = 2048;
}
