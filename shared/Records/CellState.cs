namespace Ingest.Records;

/// <summary>What a report's cell held: a number, nothing (blank is not zero), or "not applicable".</summary>
public static class CellState
{
    public const string Value = "value";
    public const string Blank = "blank";
    public const string NotApplicable = "not_applicable";
}
