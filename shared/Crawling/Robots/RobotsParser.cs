using System.Globalization;
using System.Text;

namespace Ingest.Crawling.Robots;

/// <summary>
/// Parses robots.txt (RFC 9309). Group selection: the groups whose user-agent product token equals ours
/// (case-insensitive) are merged; the '*' groups apply only when none does. Lines that do not parse are
/// skipped; records other than user-agent/allow/disallow/crawl-delay (Sitemap, unknown keys) neither
/// end nor start a group.
/// </summary>
public static class RobotsParser
{
    public static RobotsPolicy Parse(ReadOnlySpan<byte> content, string productToken)
    {
        var text = Encoding.UTF8.GetString(content);
        return Parse(text, productToken);
    }

    public static RobotsPolicy Parse(string content, string productToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var groups = new List<Group>();
        Group? current = null;
        foreach (var rawLine in content.TrimStart('\uFEFF').Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            if (!TrySplit(rawLine, out var key, out var value))
            {
                continue;
            }

            switch (key)
            {
                case "user-agent":
                    if (current is null || current.HasRules)
                    {
                        current = new Group();
                        groups.Add(current);
                    }

                    current.Agents.Add(ProductToken(value));
                    break;
                case "allow" or "disallow":
                    if (current is null)
                    {
                        break; // rules before any user-agent line belong to no group
                    }

                    current.HasRules = true;
                    if (value.Length > 0)
                    {
                        current.Rules.Add(new RobotsRule(key == "allow", new RobotsPathPattern(value)));
                    }

                    break;
                case "crawl-delay":
                    if (current is null)
                    {
                        break;
                    }

                    current.HasRules = true;
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && current.CrawlDelay is null)
                    {
                        current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
                    }

                    break;
                default:
                    break;
            }
        }

        var mine = groups.Where(g => g.Agents.Any(a => string.Equals(a, productToken, StringComparison.OrdinalIgnoreCase))).ToList();
        if (mine.Count == 0)
        {
            mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        return new RobotsPolicy(
            RobotsAccess.Parsed,
            mine.SelectMany(g => g.Rules).ToList(),
            mine.Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null));
    }

    private static bool TrySplit(string line, out string key, out string value)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        var content = (hash >= 0 ? line[..hash] : line).Trim();
        key = value = "";
        if (content.Length == 0)
        {
            return false;
        }

        var colon = content.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            key = content[..colon].Trim().ToLowerInvariant();
            value = content[(colon + 1)..].Trim();
            return key.Length > 0;
        }

        // Be liberal in what we accept: "Disallow /x" (whitespace instead of the colon) for the known keys.
        var space = content.IndexOfAny([' ', '\t']);
        if (space <= 0)
        {
            return false;
        }

        key = content[..space].ToLowerInvariant();
        value = content[space..].Trim();
        return key is "user-agent" or "allow" or "disallow" or "crawl-delay";
    }

    /// <summary>"FooBot/1.2 (+http://…)" names the product token "FooBot"; "*" stays "*".</summary>
    private static string ProductToken(string value)
    {
        if (value.StartsWith('*'))
        {
            return "*";
        }

        var end = 0;
        while (end < value.Length && (char.IsAsciiLetter(value[end]) || value[end] is '_' or '-'))
        {
            end++;
        }

        return value[..end];
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];
        public List<RobotsRule> Rules { get; } = [];
        public bool HasRules { get; set; }
        public TimeSpan? CrawlDelay { get; set; }
    }
}
