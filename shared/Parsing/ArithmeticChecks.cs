namespace Ingest.Parsing;

/// <summary>
/// Rules I1–I4 of the spec (§a.4) over the cells as read, plus the derived group totals. A blank counts
/// as 0 in a sum, except a blank 总计 cell, which is recomputed from its row (spec: blank ≠ 0 in totals).
/// A failing check is reported with expected and actual; no number is ever changed.
/// </summary>
internal static class ArithmeticChecks
{
    private static readonly string[] Withheld =
    [
        "state_secret", "prohibited_by_law", "three_security_one_stability", "third_party_rights", "internal_affairs", "process_info",
        "enforcement_case_file", "administrative_query",
    ];

    private static readonly string[] Unable = ["not_held", "needs_creation", "unclear_after_correction"];

    private static readonly string[] NotProcessed = ["petition_complaint", "duplicate", "publication", "massive_repeated", "confirm_or_reissue"];

    private static readonly string[] Other2021 = ["no_correction", "fee_unpaid", "other"];

    public static List<CheckResult> Run(ApplicationsTable applications, ReviewLitigationTable review, ReportEra era, FigureSet figures)
    {
        var checks = new List<CheckResult>();
        if (applications.Cells.Count > 0)
        {
            var cells = applications.Cells;
            Derive(cells, "outcome.withheld", Withheld, figures);
            Derive(cells, "outcome.unable", Unable, figures);
            Derive(cells, "outcome.not_processed", NotProcessed, figures);
            if (era == ReportEra.Gb2021)
            {
                Derive(cells, "outcome.other", Other2021, figures);
            }

            for (var c = 0; c < ApplicationColumns.Keys.Length; c++)
            {
                var column = ApplicationColumns.Keys[c];
                var lhs = Sum(Operand(cells, "new", c), Operand(cells, "carried_over", c));
                var rhs = Sum(Operand(cells, "outcome.total", c), Operand(cells, "carried_forward", c));
                if (lhs is { } l && rhs is { } r && AnyNumber(cells, c, "new", "carried_over", "outcome.total", "carried_forward"))
                {
                    checks.Add(new CheckResult("I1", $"applications.{column}", l == r, l, r));
                }
            }

            for (var c = 0; c < ApplicationColumns.Keys.Length; c++)
            {
                var column = ApplicationColumns.Keys[c];
                var parts = new List<decimal?>
                {
                    Operand(cells, "outcome.disclosed", c),
                    Operand(cells, "outcome.partially_disclosed", c),
                };
                parts.AddRange(Withheld.Select(r => Operand(cells, "outcome.withheld." + r, c)));
                parts.AddRange(Unable.Select(r => Operand(cells, "outcome.unable." + r, c)));
                parts.AddRange(NotProcessed.Select(r => Operand(cells, "outcome.not_processed." + r, c)));
                if (era == ReportEra.Gb2021)
                {
                    parts.AddRange(Other2021.Select(r => Operand(cells, "outcome.other." + r, c)));
                }
                else
                {
                    parts.Add(Operand(cells, "outcome.other.total", c));
                }

                if (Operand(cells, "outcome.total", c) is { } total && Sum([.. parts]) is { } sum && AnyNumber(cells, c, [.. cells.Keys.Where(k => k.StartsWith("outcome.", StringComparison.Ordinal))]))
                {
                    checks.Add(new CheckResult("I2", $"applications.outcome.{column}", total == sum, total, sum));
                }
            }

            foreach (var (row, values) in cells.OrderBy(r => RowOrder(r.Key, era)))
            {
                if (values[ApplicationColumns.Total].Arithmetic is not { } total)
                {
                    continue;
                }

                var sum = 0m;
                for (var c = 0; c < ApplicationColumns.Total; c++)
                {
                    sum += values[c].Arithmetic ?? 0;
                }

                checks.Add(new CheckResult("I3", $"applications.{row}", total == sum, total, sum));
            }
        }

        if (review.Cells is { } row15)
        {
            for (var g = 0; g < ReviewLitigationTable.Groups.Length; g++)
            {
                if (row15[g * 5 + 4].Arithmetic is not { } total)
                {
                    continue;
                }

                var sum = 0m;
                for (var leaf = 0; leaf < 4; leaf++)
                {
                    sum += row15[g * 5 + leaf].Arithmetic ?? 0;
                }

                checks.Add(new CheckResult("I4", ReviewLitigationTable.Groups[g], total == sum, total, sum));
            }
        }

        return checks;
    }

    private static int RowOrder(string row, ReportEra era)
    {
        var order = era == ReportEra.Gb2019 ? ApplicationsTable.Rows2019 : ApplicationsTable.Rows2021;
        var index = Array.IndexOf(order, row);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>The group total (不予公开 etc.) per column, only when every component holds a number.</summary>
    private static void Derive(Dictionary<string, CellValue[]> cells, string group, string[] rows, FigureSet figures)
    {
        for (var c = 0; c < ApplicationColumns.Keys.Length; c++)
        {
            var sum = 0m;
            var complete = true;
            foreach (var row in rows)
            {
                if (!cells.TryGetValue($"{group}.{row}", out var values) || values[c].Arithmetic is not { } value)
                {
                    complete = false;
                    break;
                }

                sum += value;
            }

            if (complete)
            {
                figures.SetDerived($"applications.{group}.total.{ApplicationColumns.Keys[c]}", sum);
            }
        }
    }

    /// <summary>A cell for arithmetic: its number; 0 for a blank or n/a part; a blank total recomputed from its row; null when the row is missing.</summary>
    private static decimal? Operand(Dictionary<string, CellValue[]> cells, string row, int column)
    {
        if (!cells.TryGetValue(row, out var values))
        {
            return null;
        }

        if (values[column].Arithmetic is { } number)
        {
            return number;
        }

        if (column != ApplicationColumns.Total)
        {
            return 0;
        }

        var sum = 0m;
        for (var c = 0; c < ApplicationColumns.Total; c++)
        {
            sum += values[c].Arithmetic ?? 0;
        }

        return sum;
    }

    /// <summary>A check over cells that are all blank says nothing: it is skipped rather than reported as passing.</summary>
    private static bool AnyNumber(Dictionary<string, CellValue[]> cells, int column, params string[] rows)
    {
        foreach (var row in rows)
        {
            if (cells.TryGetValue(row, out var values) && (values[column].Arithmetic is not null
                || column == ApplicationColumns.Total && values.Take(ApplicationColumns.Total).Any(v => v.Arithmetic is not null)))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal? Sum(params decimal?[] parts)
    {
        var sum = 0m;
        foreach (var part in parts)
        {
            if (part is not { } value)
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }
}
