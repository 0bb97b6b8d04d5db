namespace Ingest.Parsing;

/// <summary>The format generation of a report (spec report-format.md, table at the top).</summary>
public enum ReportEra
{
    /// <summary>Not recognised as any report format.</summary>
    Unknown,

    /// <summary>2021– reports in the 国办公开办函〔2021〕30号 format.</summary>
    Gb2021,

    /// <summary>2019–2020 reports in the 国办公开办函〔2019〕60号 (试行) format.</summary>
    Gb2019,

    /// <summary>~2014–2018 prose with the national 政府信息公开情况统计表.</summary>
    Stat2014,

    /// <summary>2008–2018 free text.</summary>
    ProseLegacy,
}

public static class ReportEraNames
{
    /// <summary>The era's key as the API, CLI and tables spell it: gb2021, gb2019, stat2014, prose_legacy, unknown.</summary>
    public static string Key(this ReportEra era) => era switch
    {
        ReportEra.Gb2021 => "gb2021",
        ReportEra.Gb2019 => "gb2019",
        ReportEra.Stat2014 => "stat2014",
        ReportEra.ProseLegacy => "prose_legacy",
        _ => "unknown",
    };

    public static bool TryParse(string? key, out ReportEra era)
    {
        era = key switch
        {
            "gb2021" => ReportEra.Gb2021,
            "gb2019" => ReportEra.Gb2019,
            "stat2014" => ReportEra.Stat2014,
            "prose_legacy" => ReportEra.ProseLegacy,
            "unknown" => ReportEra.Unknown,
            _ => (ReportEra)(-1),
        };
        return Enum.IsDefined(era);
    }
}
