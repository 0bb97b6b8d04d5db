namespace Ingest.Parsing;

/// <summary>
/// Table 三 (收到和处理政府信息公开申请情况) in either standard version. Rows are found by their label text
/// (normalised), never by position; a row's seven values are taken only when exactly seven value cells
/// follow its label, so a layout that dropped blank cells yields a warning instead of shifted numbers.
/// </summary>
internal sealed class ApplicationsTable
{
    public static readonly string[] Rows2021 =
    [
        "new", "carried_over", "outcome.disclosed", "outcome.partially_disclosed",
        "outcome.withheld.state_secret", "outcome.withheld.prohibited_by_law", "outcome.withheld.three_security_one_stability",
        "outcome.withheld.third_party_rights", "outcome.withheld.internal_affairs", "outcome.withheld.process_info",
        "outcome.withheld.enforcement_case_file", "outcome.withheld.administrative_query",
        "outcome.unable.not_held", "outcome.unable.needs_creation", "outcome.unable.unclear_after_correction",
        "outcome.not_processed.petition_complaint", "outcome.not_processed.duplicate", "outcome.not_processed.publication",
        "outcome.not_processed.massive_repeated", "outcome.not_processed.confirm_or_reissue",
        "outcome.other.no_correction", "outcome.other.fee_unpaid", "outcome.other.other",
        "outcome.total", "carried_forward",
    ];

    public static readonly string[] Rows2019 =
    [
        .. Rows2021.Where(r => !r.StartsWith("outcome.other.", StringComparison.Ordinal) && r is not ("outcome.total" or "carried_forward")),
        "outcome.other.total", "outcome.total", "carried_forward",
    ];

    private const string GroupMarker = "#group:";

    public Dictionary<string, CellValue[]> Cells { get; } = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public bool Found { get; private set; }

    public int Start { get; private set; } = -1;

    public int End { get; private set; } = -1;

    /// <summary>Rows only the 2021 format has (（六） split into three) were seen.</summary>
    public bool Has2021Rows { get; private set; }

    /// <summary>（六）其他处理 carried its own values: the 2019 format.</summary>
    public bool HasOtherDataRow { get; private set; }

    public static ApplicationsTable Read(IReadOnlyList<PageToken> tokens)
    {
        var table = new ApplicationsTable();
        table.Scan(tokens);
        return table;
    }

    private void Scan(IReadOnlyList<PageToken> tokens)
    {
        var start = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TokenStream.Label(tokens[i]) is { } key && key.Contains("本年新收", StringComparison.Ordinal) && key.Contains("申请", StringComparison.Ordinal))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return;
        }

        Found = true;
        Start = start;
        var group = string.Empty;
        var end = Math.Min(tokens.Count, start + 600);
        var i2 = start;
        for (; i2 < end; i2++)
        {
            var token = tokens[i2];
            if (token.Value.IsValue)
            {
                continue;
            }

            var key = TokenStream.Label(token);
            if (key is null)
            {
                continue;
            }

            if (Cells.ContainsKey("carried_forward") || IsTableEnd(key))
            {
                break;
            }

            var row = Match(key, group);
            if (row is null)
            {
                continue;
            }

            if (row.StartsWith(GroupMarker, StringComparison.Ordinal))
            {
                group = row[GroupMarker.Length..];
                if (group == "other" && TokenStream.ValuesAfter(tokens, i2, 1).Count == 1)
                {
                    HasOtherDataRow = true;
                    ReadRow(tokens, i2, "outcome.other.total");
                }

                continue;
            }

            if (row.StartsWith("outcome.other.", StringComparison.Ordinal))
            {
                Has2021Rows = true;
            }

            ReadRow(tokens, i2, row);
        }

        End = i2;
    }

    private void ReadRow(IReadOnlyList<PageToken> tokens, int labelIndex, string row)
    {
        var values = TokenStream.ValuesAfter(tokens, labelIndex, ApplicationColumns.Keys.Length + 1);
        if (values.Count == 0)
        {
            return;
        }

        if (values.Count != ApplicationColumns.Keys.Length)
        {
            Warnings.Add($"applications.{row}: {(values.Count > ApplicationColumns.Keys.Length ? "more than 7" : values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} value cells where 7 are expected; row not read");
            return;
        }

        if (!Cells.TryAdd(row, [.. values]))
        {
            Warnings.Add($"applications.{row}: the row appears twice; the first was kept");
        }
    }

    private static bool IsTableEnd(string key) =>
        key.Contains("行政复议", StringComparison.Ordinal) || key.Contains("行政诉讼", StringComparison.Ordinal)
        || key.Contains("存在的主要问题", StringComparison.Ordinal) || key.Contains("主要问题及改进", StringComparison.Ordinal)
        || key.Contains("其他需要报告", StringComparison.Ordinal);

    private static string? Match(string k, string group)
    {
        if (k.Contains("本年新收", StringComparison.Ordinal))
        {
            return "new";
        }

        if (k.Contains("上年结转", StringComparison.Ordinal))
        {
            return "carried_over";
        }

        if (k.Contains("结转下年", StringComparison.Ordinal))
        {
            return "carried_forward";
        }

        if (k.Contains("本年度办理结果", StringComparison.Ordinal))
        {
            return GroupMarker + "result";
        }

        switch (k)
        {
            case "予以公开":
                return "outcome.disclosed";
            case "不予公开":
                return GroupMarker + "withheld";
            case "无法提供":
                return GroupMarker + "unable";
            case "不予处理":
                return GroupMarker + "not_processed";
            case "其他处理":
                return GroupMarker + "other";
            case "总计":
                return "outcome.total";
            case "其他":
                return group == "other" ? "outcome.other.other" : null;
        }

        if (k.StartsWith("部分公开", StringComparison.Ordinal))
        {
            return "outcome.partially_disclosed";
        }

        return k switch
        {
            _ when k.Contains("国家秘密", StringComparison.Ordinal) => "outcome.withheld.state_secret",
            _ when k.Contains("禁止公开", StringComparison.Ordinal) => "outcome.withheld.prohibited_by_law",
            _ when k.Contains("三安全一稳定", StringComparison.Ordinal) => "outcome.withheld.three_security_one_stability",
            _ when k.Contains("第三方合法权益", StringComparison.Ordinal) => "outcome.withheld.third_party_rights",
            _ when k.Contains("内部事务", StringComparison.Ordinal) => "outcome.withheld.internal_affairs",
            _ when k.Contains("过程性信息", StringComparison.Ordinal) => "outcome.withheld.process_info",
            _ when k.Contains("行政执法案卷", StringComparison.Ordinal) => "outcome.withheld.enforcement_case_file",
            _ when k.Contains("行政查询事项", StringComparison.Ordinal) => "outcome.withheld.administrative_query",
            _ when k.Contains("不掌握", StringComparison.Ordinal) => "outcome.unable.not_held",
            _ when k.Contains("另行制作", StringComparison.Ordinal) || k.Contains("没有现成信息", StringComparison.Ordinal) => "outcome.unable.needs_creation",
            _ when k.Contains("仍不明确", StringComparison.Ordinal) => "outcome.unable.unclear_after_correction",
            _ when k.Contains("信访举报投诉", StringComparison.Ordinal) => "outcome.not_processed.petition_complaint",
            _ when k.Contains("重复申请", StringComparison.Ordinal) => "outcome.not_processed.duplicate",
            _ when k.Contains("公开出版物", StringComparison.Ordinal) => "outcome.not_processed.publication",
            _ when k.Contains("大量反复", StringComparison.Ordinal) => "outcome.not_processed.massive_repeated",
            _ when k.Contains("确认或重新出具", StringComparison.Ordinal) => "outcome.not_processed.confirm_or_reissue",
            _ when k.Contains("逾期不补正", StringComparison.Ordinal) => "outcome.other.no_correction",
            _ when k.Contains("收费通知", StringComparison.Ordinal) || k.Contains("缴纳费用", StringComparison.Ordinal) => "outcome.other.fee_unpaid",
            _ => null,
        };
    }
}
