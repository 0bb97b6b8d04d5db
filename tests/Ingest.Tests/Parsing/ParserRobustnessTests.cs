using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingest.Parsing;

namespace Ingest.Tests.Parsing;

/// <summary>
/// A seeded mutation fuzz: 10,000 damaged versions of the fixtures (truncations, deleted and duplicated
/// cells and lines, random bytes, digit changes, deep nesting, huge tables) go through the parser. No
/// exception may escape or be swallowed internally, the JSON must stay valid, checks must be consistent,
/// and no read figure may carry a number that is not written in the input.
/// </summary>
public sealed partial class ParserRobustnessTests
{
    private const int Iterations = 10_000;

    [Fact]
    public void Ten_thousand_mutated_pages_never_throw_and_never_invent_a_number()
    {
        var bases = ReportFixtures.Inputs().Select(ReportFixtures.Bytes).Where(b => b.Length > 0).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, Iterations, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var random = new Random(unchecked(20240115 + i * 7919));
            var (name, input) = Mutate(bases[random.Next(bases.Length)], random, i);
            ReportRecord record;
            try
            {
                record = ReportParser.Parse(new PageInput(input, $"fuzz-{i}", random.Next(4) == 0 ? "text/plain; charset=utf-8" : null));
            }
            catch (Exception ex)
            {
                failures.Add($"#{i} {name}: {ex.GetType().Name} {ex.Message}");
                return;
            }

            var problem = Validate(record, input);
            if (problem is not null)
            {
                failures.Add($"#{i} {name}: {problem}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
    }

    private static string? Validate(ReportRecord record, byte[] input)
    {
        if (record.Warnings.Any(w => w.StartsWith("internal parser error", StringComparison.Ordinal)))
        {
            return string.Join("; ", record.Warnings.Where(w => w.StartsWith("internal", StringComparison.Ordinal)));
        }

        using (var document = JsonDocument.Parse(ReportRecordJson.Serialize(record)))
        {
            if (document.RootElement.GetProperty("parserVersion").GetString() != ReportParser.Version)
            {
                return "JSON lost its parser version";
            }
        }

        foreach (var check in record.Checks)
        {
            if (check.Ok != (check.Expected == check.Actual))
            {
                return $"inconsistent check {check.Rule} {check.Scope}";
            }
        }

        if (record.Figures.Count == 0)
        {
            return null;
        }

        var numbers = NumbersIn(input);
        foreach (var (key, value) in record.Figures)
        {
            if (record.Derived.Contains(key) || value == 0)
            {
                continue;
            }

            if (!numbers.Contains(Math.Abs(value)))
            {
                return $"{key} = {value.ToString(CultureInfo.InvariantCulture)} is not a number written in the input";
            }
        }

        return null;
    }

    /// <summary>Every number the input writes, in any of the forms the parser reads (both decodings, full-width, separators, Chinese numerals).</summary>
    private static HashSet<decimal> NumbersIn(byte[] input)
    {
        var set = new HashSet<decimal>();
        var decodings = System.Text.Unicode.Utf8.IsValid(input)
            ? new[] { Encoding.UTF8.GetString(input) }
            : new[] { Encoding.UTF8.GetString(input), Encoding.GetEncoding("gb18030").GetString(input) };
        foreach (var text in decodings)
        {
            var folded = Fold(text);
            var joined = DigitSeparators().Replace(folded, string.Empty);
            foreach (var source in new[] { folded, joined, Regex.Replace(joined, @"(?<=\d)\s+(?=\d)", string.Empty) })
            {
                foreach (Match match in Digits().Matches(source))
                {
                    if (match.Value.Length <= 24 && decimal.TryParse(match.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
                    {
                        set.Add(d / 1.0000000000000000000000000000m);
                    }
                }
            }

            foreach (Match match in ChineseNumerals().Matches(text))
            {
                if (Ingest.Parsing.ChineseNumber.Parse(match.Value) is { } n)
                {
                    set.Add(n);
                }
            }
        }

        return set;
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }

        return builder.ToString();
    }

    private static (string Name, byte[] Bytes) Mutate(byte[] source, Random random, int iteration)
    {
        if (iteration % 500 == 499)
        {
            return ("huge table", HugeTable(random));
        }

        if (iteration % 200 == 199)
        {
            var depth = random.Next(1_000, 20_000);
            var html = new StringBuilder();
            html.Append("<html><body>");
            for (var i = 0; i < depth; i++)
            {
                html.Append(i % 3 == 0 ? "<div>" : i % 3 == 1 ? "<table><tr><td>" : "<span>");
            }

            html.Append("一、本年新收政府信息公开申请数量</td><td>1</td>");
            return ($"deep nesting {depth}", Encoding.UTF8.GetBytes(html.ToString()));
        }

        // Most rounds work on a window of a large page: a two-sided truncation that keeps the run short.
        var bytes = source;
        if (bytes.Length > 24_000 && random.Next(5) != 0)
        {
            var length = random.Next(4_000, 24_000);
            var start = random.Next(bytes.Length - length);
            bytes = bytes[start..(start + length)];
        }

        var steps = random.Next(1, 4);
        var names = new List<string>();
        for (var s = 0; s < steps; s++)
        {
            var kind = random.Next(8);
            names.Add(kind.ToString(CultureInfo.InvariantCulture));
            bytes = kind switch
            {
                0 => bytes[..random.Next(bytes.Length + 1)],
                1 => EditSegments(bytes, random, duplicate: false),
                2 => EditSegments(bytes, random, duplicate: true),
                3 => InsertRandomBytes(bytes, random),
                4 => FlipBytes(bytes, random),
                5 => ChangeDigits(bytes, random),
                6 => ShuffleLines(bytes, random),
                _ => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("</td>", random.Next(2) == 0 ? "" : "</td><td>&nbsp;</td>", StringComparison.Ordinal)),
            };
        }

        return ("mutations " + string.Join(",", names), bytes);
    }

    private static byte[] EditSegments(byte[] bytes, Random random, bool duplicate)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var separators = new[] { "\n", "|", "</td>", "</tr>", "</p>" };
        var separator = separators[random.Next(separators.Length)];
        var parts = text.Split(separator).ToList();
        if (parts.Count < 2)
        {
            return bytes;
        }

        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var at = random.Next(parts.Count);
            if (duplicate)
            {
                parts.Insert(at, parts[at]);
            }
            else if (parts.Count > 1)
            {
                parts.RemoveAt(at);
            }
        }

        return Encoding.UTF8.GetBytes(string.Join(separator, parts));
    }

    private static byte[] InsertRandomBytes(byte[] bytes, Random random)
    {
        var extra = new byte[random.Next(1, 64)];
        random.NextBytes(extra);
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. extra, .. bytes[at..]];
    }

    private static byte[] FlipBytes(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var n = random.Next(1, 32); n > 0 && copy.Length > 0; n--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] ChangeDigits(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is >= (byte)'0' and <= (byte)'9' && random.Next(5) == 0)
            {
                copy[i] = (byte)('0' + random.Next(10));
            }
        }

        return copy;
    }

    private static byte[] ShuffleLines(byte[] bytes, Random random)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        for (var n = random.Next(1, 10); n > 0 && lines.Length > 1; n--)
        {
            var a = random.Next(lines.Length);
            var b = random.Next(lines.Length);
            (lines[a], lines[b]) = (lines[b], lines[a]);
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static byte[] HugeTable(Random random)
    {
        var html = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>某某县2023年政府信息公开工作年度报告</title></head><body><table>");
        html.Append("<tr><td>一、本年新收政府信息公开申请数量</td>");
        for (var row = 0; row < 1_200; row++)
        {
            html.Append("<tr><td>").Append(row % 7 == 0 ? "（七）总计" : "1.属于国家秘密").Append("</td>");
            for (var c = 0; c < 7 + random.Next(3); c++)
            {
                html.Append("<td>").Append(random.Next(100_000).ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    [GeneratedRegex(@"(?<=\d)[,，](?=\d)")]
    private static partial Regex DigitSeparators();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Digits();

    [GeneratedRegex("[零〇一二两三四五六七八九十百千万]+")]
    private static partial Regex ChineseNumerals();
}
