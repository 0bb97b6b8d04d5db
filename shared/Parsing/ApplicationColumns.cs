namespace Ingest.Parsing;

/// <summary>The seven value columns of table 三, in value order (spec §a.2).</summary>
internal static class ApplicationColumns
{
    public static readonly string[] Keys =
    [
        "natural_person", "commercial_enterprise", "research_institution", "public_welfare_org", "legal_service_org", "other_org", "total",
    ];

    public const int Total = 6;
}
