namespace Ingest.Records;

/// <summary>How a report's arithmetic checks came out, as stored and filtered on: ok, failed, none.</summary>
public static class ChecksStatus
{
    public const string Ok = "ok";
    public const string Failed = "failed";

    /// <summary>Nothing was checked (prose reports, or tables too incomplete to check).</summary>
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Ok, Failed, None];

    public static string Of(bool? checksOk) => checksOk switch
    {
        true => Ok,
        false => Failed,
        null => None,
    };

    public static bool IsKnown(string? status) => status is Ok or Failed or None;
}
