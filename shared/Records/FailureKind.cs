namespace Ingest.Records;

/// <summary>Why a raw blob sits in the failures table (its PartitionKey there).</summary>
public static class FailureKind
{
    /// <summary>The parser says the page is not an annual report.</summary>
    public const string NotAReport = "not_a_report";

    /// <summary>Deterministic and not retried: a report without agency or year, or a blob with no usable content.</summary>
    public const string ParseError = "parse_error";

    /// <summary>Handling failed MaxAttempts times.</summary>
    public const string Poison = "poison";

    public static IReadOnlyList<string> All { get; } = [NotAReport, ParseError, Poison];
}
