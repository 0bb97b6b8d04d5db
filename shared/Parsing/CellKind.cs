namespace Ingest.Parsing;

/// <summary>What a table cell said. Kept apart because a blank is not a zero and "/" is not "无".</summary>
internal enum CellKind
{
    /// <summary>A label or other text: not a value at all.</summary>
    Text,

    /// <summary>A number, including an explicit 0.</summary>
    Number,

    /// <summary>Present but empty (&amp;nbsp;, empty between pipes).</summary>
    Blank,

    /// <summary>Not applicable: "/", "-", "—", "——".</summary>
    NotApplicable,

    /// <summary>"无" and its variants: counts as 0, recorded as stated none.</summary>
    None,
}
