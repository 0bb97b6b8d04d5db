using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ingest.Crawling;

/// <summary>The configured sources (seeds file, JSON). Loading validates every entry.</summary>
/// <remarks>
/// Schema (documented in the README, section Crawler): <c>{ "sources": [ { "id", "agency", "region"?,
/// "listingUrls": [..], "linkPattern"?, "maxListingPages"?, "maxReports"?, "enabled"?, "note"? } ] }</c>.
/// Unknown properties are rejected so that a misspelt key ("listingUrl") is not silently ignored.
/// </remarks>
public sealed partial record SeedFile(IReadOnlyList<SeedSource> Sources)
{
    public const int MaxListingPagesLimit = 100;
    public const int MaxReportsLimit = 1000;
    public const int MaxListingUrls = 20;

    private static readonly HashSet<string> KnownProperties = new(StringComparer.Ordinal)
    {
        "id", "agency", "region", "listingUrls", "linkPattern", "maxListingPages", "maxReports", "enabled", "note",
    };

    /// <summary>Reads and validates a seeds file; throws <see cref="SeedFileException"/> naming the entry and rule.</summary>
    public static SeedFile Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new SeedFileException($"{path}: cannot be read ({e.Message}).", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SeedFileException($"{path}: cannot be read ({e.Message}).", e);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and validates seeds JSON; <paramref name="sourceName"/> prefixes every message (a path or "inline").</summary>
    public static SeedFile Parse(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SeedFileException($"{sourceName}: not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new SeedFileException($"{sourceName}: the root must be an object with a \"sources\" array.");
            }

            if (list.GetArrayLength() == 0)
            {
                throw new SeedFileException($"{sourceName}: \"sources\" is empty; at least one source is required.");
            }

            var sources = new List<SeedSource>();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var source = ReadSource(element, $"{sourceName}: sources[{index}]");
                if (!ids.Add(source.Id))
                {
                    throw new SeedFileException($"{sourceName}: sources[{index}] (id \"{source.Id}\"): id must be unique; it is used by an earlier entry.");
                }

                sources.Add(source);
                index++;
            }

            return new SeedFile(sources);
        }
    }

    /// <summary>The source with this id, or null.</summary>
    public SeedSource? Find(string id) => Sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    private static SeedSource ReadSource(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SeedFileException($"{where}: must be an object.");
        }

        var id = OptionalString(element, "id", where);
        if (id is null || !IdPattern().IsMatch(id))
        {
            throw new SeedFileException($"{where}: \"id\" is required: 1–64 letters, digits, '-' or '_'.");
        }

        where = $"{where} (id \"{id}\")";
        foreach (var property in element.EnumerateObject())
        {
            if (!KnownProperties.Contains(property.Name))
            {
                throw new SeedFileException($"{where}: unknown property \"{property.Name}\"; allowed: {string.Join(", ", KnownProperties)}.");
            }
        }

        var agency = OptionalString(element, "agency", where);
        if (string.IsNullOrWhiteSpace(agency))
        {
            throw new SeedFileException($"{where}: \"agency\" is required and must not be blank.");
        }

        var region = OptionalString(element, "region", where);
        var urls = ReadUrls(element, where);
        var pattern = OptionalString(element, "linkPattern", where);
        if (pattern is not null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new SeedFileException($"{where}: \"linkPattern\" is not a valid regular expression ({e.Message}).", e);
            }
        }

        var maxPages = OptionalInt(element, "maxListingPages", where, 1, MaxListingPagesLimit) ?? 5;
        var maxReports = OptionalInt(element, "maxReports", where, 1, MaxReportsLimit) ?? 50;
        var enabled = true;
        if (element.TryGetProperty("enabled", out var enabledElement))
        {
            enabled = enabledElement.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new SeedFileException($"{where}: \"enabled\" must be true or false."),
            };
        }

        return new SeedSource
        {
            Id = id,
            Agency = agency.Trim(),
            Region = string.IsNullOrWhiteSpace(region) ? null : region.Trim(),
            ListingUrls = urls,
            LinkPattern = pattern,
            MaxListingPages = maxPages,
            MaxReports = maxReports,
            Enabled = enabled,
            Note = OptionalString(element, "note", where),
        };
    }

    private static List<Uri> ReadUrls(JsonElement element, string where)
    {
        if (!element.TryGetProperty("listingUrls", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new SeedFileException($"{where}: \"listingUrls\" is required: a non-empty array of absolute http(s) URLs.");
        }

        if (list.GetArrayLength() > MaxListingUrls)
        {
            throw new SeedFileException($"{where}: \"listingUrls\" has {list.GetArrayLength()} entries; at most {MaxListingUrls} are allowed.");
        }

        var urls = new List<Uri>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (text is null || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) ||
                (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new SeedFileException($"{where}: listingUrls[{i}] \"{text}\" must be an absolute http or https URL.");
            }

            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new SeedFileException($"{where}: listingUrls[{i}] must not carry user info (credentials).");
            }

            urls.Add(uri);
            i++;
        }

        return urls;
    }

    private static string? OptionalString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new SeedFileException($"{where}: \"{name}\" must be a string.");
    }

    private static int? OptionalInt(JsonElement element, string name, string where, int min, int max)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            throw new SeedFileException(string.Create(CultureInfo.InvariantCulture, $"{where}: \"{name}\" must be a whole number from {min} to {max}."));
        }

        return number;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
