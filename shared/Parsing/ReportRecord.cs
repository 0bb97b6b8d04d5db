namespace Ingest.Parsing;

/// <summary>
/// What the parser makes of one page: metadata, figures under canonical keys (spec report-format.md),
/// the cells that were blank or not applicable, the arithmetic checks and warnings. A page that is not
/// a report still yields a record, with <see cref="IsReport"/> false and the reason in
/// <see cref="NotReportReason"/>.
/// </summary>
public sealed record ReportRecord
{
    public required string Source { get; init; }
    public string? Title { get; init; }

    /// <summary>The agency resolved to its full name, e.g. 长沙市国资委.</summary>
    public string? Agency { get; init; }

    /// <summary>The agency as the page wrote it, e.g. 市国资委.</summary>
    public string? AgencyAsWritten { get; init; }

    /// <summary>Where the resolved agency came from: publisher, breadcrumb, site_owner, index_no, self_reference, title, seed.</summary>
    public string? AgencySource { get; init; }

    public int? Year { get; init; }

    /// <summary>Where the year came from: title, statistics_period, published_at.</summary>
    public string? YearSource { get; init; }

    public DateOnly? PublishedAt { get; init; }
    public string? IndexNo { get; init; }
    public ReportEra Era { get; init; }

    /// <summary>Canonical key → value. Blank cells are absent here and listed in <see cref="Blank"/>.</summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Keys whose cell was present but empty (a blank cell is not a zero).</summary>
    public IReadOnlyList<string> Blank { get; init; } = [];

    /// <summary>Keys whose cell said not applicable ("/", "—", "——").</summary>
    public IReadOnlyList<string> NotApplicable { get; init; } = [];

    /// <summary>Raw units for figures that carry their own (e.g. 2019 procurement amount "元").</summary>
    public IReadOnlyDictionary<string, string> Units { get; init; } = new Dictionary<string, string>();

    /// <summary>Keys whose cell said "无" (or sat blank under a section row that said 无): counted as 0 in <see cref="Figures"/>.</summary>
    public IReadOnlyList<string> StatedNone { get; init; } = [];

    /// <summary>Keys the parser computed rather than read (group totals such as applications.outcome.withheld.total.*).</summary>
    public IReadOnlyList<string> Derived { get; init; } = [];

    /// <summary>Keys whose prose figure was qualified (余, 多, 近, 约, 左右, +): a floor or estimate, not an exact count.</summary>
    public IReadOnlyList<string> Approximate { get; init; } = [];

    public IReadOnlyList<CheckResult> Checks { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The page looks like a spam-injected or hijacked mirror of a government page.</summary>
    public bool MirrorSuspect { get; init; }

    /// <summary>"aggregate" for whole-region reports compiled from many bodies, "own" otherwise.</summary>
    public string Scope { get; init; } = "own";

    /// <summary>The charset the bytes were decoded with.</summary>
    public string? Charset { get; init; }

    /// <summary>SHA-256 (hex) of the main text as extracted: unchanged across captures that differ only in page chrome.</summary>
    public string? TextDigest { get; init; }

    public bool IsReport { get; init; }
    public string? NotReportReason { get; init; }

    public required string ParserVersion { get; init; }

    /// <summary>True when every check passed (and there was at least one); null when nothing was checked.</summary>
    public bool? ChecksOk => Checks.Count == 0 ? null : Checks.All(c => c.Ok);
}
