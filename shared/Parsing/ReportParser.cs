using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Parsing;

/// <summary>
/// Entry point of the parser. Never throws for any input: what cannot be read becomes warnings or a
/// non-report record with its reason. Pipeline: decode (charset) → tokens (HTML cells and paragraphs, or
/// text lines and pipe cells) → table readers by label → prose patterns → metadata → checks.
/// </summary>
public static class ReportParser
{
    /// <summary>Stamped on every record; bump when output for the same input changes.</summary>
    public const string Version = "1.0.0";

    private static readonly string[] SectionMarkers =
    [
        "总体情况", "概述", "主动公开政府信息情况", "政府信息主动公开", "依申请公开", "收到和处理政府信息公开申请", "行政复议", "存在的主要问题",
        "改进措施", "其他需要报告", "咨询处理", "工作人员情况", "收费及减免",
    ];

    public static ReportRecord Parse(PageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return ParseCore(input);
        }
#pragma warning disable CA1031 // The contract is "never throws": an unexpected fault becomes a quarantined record, not a crash.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return NotReport(input, "internal parser error", [$"internal parser error: {ex.GetType().Name}: {ex.Message}"], null);
        }
    }

    private static ReportRecord ParseCore(PageInput input)
    {
        using var decoded = PageDecoder.Decode(input.Content.Span, input.ContentType);
        if (decoded.Rejection is { } rejection)
        {
            return NotReport(input, rejection, [.. decoded.Warnings, rejection], decoded.Charset);
        }

        var warnings = new List<string>(decoded.Warnings);
        var page = decoded.IsHtml ? HtmlTokenizer.Tokenize(decoded.Text, warnings) : PlainTextTokenizer.Tokenize(decoded.Text.ToString());
        var tokens = page.Tokens;
        var main = new List<string>();
        foreach (var token in tokens)
        {
            if (token.InMain && token.Kind == TokenKind.Paragraph && !Boilerplate.IsChrome(token.Text))
            {
                main.Add(token.Text);
            }
        }

        var figures = new FigureSet();
        var applications = ApplicationsTable.Read(tokens);
        var statistics = StatisticsTable.Read(tokens, figures);
        var proactive = ProactiveTable.Read(tokens, applications.Found ? applications.Start : -1);
        var review = ReviewLitigationTable.Read(tokens, applications.Found ? applications.End : 0);
        var meta = MetadataReader.Read(page, main, statistics.Caption, input.AgencyHint);

        var standardTables = applications.Cells.Count > 0 || review.Cells is not null || proactive.Found;
        var era = DecideEra(applications, proactive, statistics, standardTables, meta.Year, warnings);

        foreach (var (row, values) in applications.Cells)
        {
            for (var c = 0; c < values.Length; c++)
            {
                figures.SetCell($"applications.{row}.{ApplicationColumns.Keys[c]}", values[c]);
            }
        }

        if (era is ReportEra.Gb2019 or ReportEra.Gb2021)
        {
            proactive.Apply(figures, era);
        }

        if (review.Cells is { } row15)
        {
            for (var g = 0; g < ReviewLitigationTable.Groups.Length; g++)
            {
                for (var leaf = 0; leaf < ReviewLitigationTable.Leaves.Length; leaf++)
                {
                    figures.SetCell($"{ReviewLitigationTable.Groups[g]}.{ReviewLitigationTable.Leaves[leaf]}", row15[g * 5 + leaf]);
                }
            }
        }

        var checks = ArithmeticChecks.Run(applications, review, era, figures);
        ProseReader.Read(main, figures);

        warnings.AddRange(meta.Warnings);
        warnings.AddRange(applications.Warnings);
        warnings.AddRange(proactive.Warnings);
        warnings.AddRange(review.Warnings);
        warnings.AddRange(statistics.Warnings);
        warnings.AddRange(figures.Warnings);
        var missingRows = MissingRows(applications, era);
        if (missingRows.Count > 0)
        {
            warnings.Add(missingRows.Count <= 8
                ? $"applications: rows not read: {string.Join(", ", missingRows)}"
                : $"applications: {missingRows.Count} rows not read");
        }

        if (era is ReportEra.Gb2019 or ReportEra.Gb2021 && applications.Cells.Count == 0 && review.Cells is null)
        {
            warnings.Add("standard tables not found in the page (image or attachment version, or a prose-only report)");
        }

        foreach (var check in checks.Where(c => !c.Ok))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"check {check.Rule} failed for {check.Scope}: expected {check.Expected}, actual {check.Actual}"));
        }

        var (isReport, reason) = Classify(page, meta, main, standardTables || statistics.RowsRead > 0);
        if (isReport && page.LooksTruncated && era is ReportEra.Gb2019 or ReportEra.Gb2021 && (missingRows.Count > 0 || review.Cells is null))
        {
            // A capture cut inside the standard tables is a transport defect, not the page's content:
            // quarantine it (the pipeline re-fetches and re-parses) rather than publish half a table.
            isReport = false;
            reason = $"truncated capture: the page ends inside the standard tables ({applications.Cells.Count} of {(era == ReportEra.Gb2019 ? 23 : 25)} table-三 rows read{(review.Cells is null ? ", table 四 missing" : string.Empty)})";
        }

        if (reason is not null)
        {
            warnings.Add(reason);
        }

        if (!isReport && !reason!.StartsWith("truncated", StringComparison.Ordinal))
        {
            era = ReportEra.Unknown;
        }

        return new ReportRecord
        {
            Source = input.Source,
            Title = meta.Title,
            Agency = meta.Agency,
            AgencyAsWritten = meta.AgencyAsWritten,
            AgencySource = meta.AgencySource,
            Year = meta.Year,
            YearSource = meta.YearSource,
            PublishedAt = meta.PublishedAt,
            IndexNo = meta.IndexNo,
            Era = era,
            Figures = figures.Figures,
            Blank = figures.Blank,
            NotApplicable = figures.NotApplicable,
            StatedNone = figures.StatedNone,
            Derived = figures.Derived,
            Approximate = figures.Approximate,
            Units = figures.Units,
            Checks = checks,
            Warnings = warnings,
            MirrorSuspect = meta.MirrorSuspect,
            Scope = meta.Aggregate ? "aggregate" : "own",
            Charset = decoded.Charset,
            TextDigest = Digest(main),
            IsReport = isReport,
            NotReportReason = isReport ? null : reason,
            ParserVersion = Version,
        };
    }

    private static ReportEra DecideEra(ApplicationsTable applications, ProactiveTable proactive, StatisticsTable statistics, bool standardTables, int? year, List<string> warnings)
    {
        if (standardTables)
        {
            ReportEra? fromApplications = applications.Has2021Rows ? ReportEra.Gb2021 : applications.HasOtherDataRow ? ReportEra.Gb2019 : null;
            if (fromApplications is { } a && proactive.HeaderEra is { } p && a != p)
            {
                warnings.Add($"table 三 has the {a.Key()} rows but table 二 has {p.Key()} headers; {a.Key()} was used");
            }

            if ((fromApplications ?? proactive.HeaderEra) is { } known)
            {
                return known;
            }

            if (year is >= 2019 and <= 2020)
            {
                return ReportEra.Gb2019;
            }

            if (year is null or < 2019)
            {
                warnings.Add("standard-format version not evident from the tables; gb2021 assumed");
            }

            return ReportEra.Gb2021;
        }

        if (statistics.RowsRead > 0)
        {
            return ReportEra.Stat2014;
        }

        return year switch
        {
            >= 2021 => ReportEra.Gb2021,
            >= 2019 => ReportEra.Gb2019,
            _ => ReportEra.ProseLegacy,
        };
    }

    private static (bool IsReport, string? Reason) Classify(TokenizedPage page, PageMetadata meta, List<string> main, bool hasTables)
    {
        if (meta.Title is { } title && ReportTitle.CompanionKind(title) is { } companion)
        {
            return (false, $"companion page ({companion}), not a report");
        }

        // A marker has no line break, so it is in the joined main text exactly when one paragraph holds it.
        var markers = 0;
        foreach (var marker in SectionMarkers)
        {
            if (AnyContains(main, marker))
            {
                markers++;
            }
        }

        if (page.ReportLinkCount >= 3 && !hasTables && markers < 3)
        {
            return (false, $"listing page ({page.ReportLinkCount} links to reports), not a report");
        }

        if (hasTables || meta.Title is not null || markers >= 3 && AnyContains(main, "政府信息公开"))
        {
            return (true, null);
        }

        return (false, main.Count == 0 ? "no text found" : "no report title, standard tables or report sections found");
    }

    private static List<string> MissingRows(ApplicationsTable applications, ReportEra era)
    {
        if (!applications.Found)
        {
            return [];
        }

        var expected = era == ReportEra.Gb2019 ? ApplicationsTable.Rows2019 : ApplicationsTable.Rows2021;
        return [.. expected.Where(r => !applications.Cells.ContainsKey(r))];
    }

    private static bool AnyContains(List<string> paragraphs, string value)
    {
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Contains(value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>SHA-256 of the main paragraphs joined by line breaks, hashed piece by piece (no joined copy).</summary>
    private static string? Digest(List<string> main)
    {
        if (main.Count == 0)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            for (var i = 0; i < main.Count; i++)
            {
                if (i > 0)
                {
                    hash.AppendData("\n"u8);
                }

                var paragraph = main[i];
                var needed = Encoding.UTF8.GetMaxByteCount(paragraph.Length);
                if (needed > buffer.Length)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(needed);
                }

                var written = Encoding.UTF8.GetBytes(paragraph, buffer);
                hash.AppendData(buffer, 0, written);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReportRecord NotReport(PageInput input, string reason, List<string> warnings, string? charset) => new()
    {
        Source = input.Source,
        IsReport = false,
        NotReportReason = reason,
        Warnings = warnings,
        Charset = charset,
        ParserVersion = Version,
    };
}
