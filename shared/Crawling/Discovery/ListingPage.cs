using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Ingest.Crawling.Discovery;

/// <summary>
/// What a listing page (栏目 page) offers: report links and the next listing pages. Pagination styles
/// recognised (report-format.md §e.10): a "下一页"/"下页"/"后页"/"next" link; TRS <c>index_N.html</c>
/// siblings and <c>createPageHTML(count, …)</c> scripts that only exist in JavaScript; query paging
/// <c>?page=N</c>, <c>pageNum=N</c>, <c>pageIndex=N</c>; <c>column-index-N.shtml</c>; numbered page links.
/// </summary>
public sealed partial class ListingPage
{
    private ListingPage(IReadOnlyList<ListingLink> links, IReadOnlyList<Uri> nextPages)
    {
        Links = links;
        NextPages = nextPages;
    }

    public IReadOnlyList<ListingLink> Links { get; }

    /// <summary>Other listing pages of the same column, nearest first.</summary>
    public IReadOnlyList<Uri> NextPages { get; }

    public static ListingPage Parse(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var document = new HtmlParser().ParseDocument(html ?? "");
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUrl = baseHref is not null && Uri.TryCreate(pageUrl, baseHref, out var declared) ? declared : pageUrl;

        var links = new List<ListingLink>();
        var next = new List<Uri>();
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")!.Trim();
            if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ||
                href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(baseUrl, href, out var url))
            {
                continue;
            }

            url = WithoutFragment(url);
            var text = Collapse(anchor.TextContent);
            var title = text.Length > 0 ? text : Collapse(anchor.GetAttribute("title") ?? "");
            if (NextText().IsMatch(text) || IsSiblingPage(url, pageUrl))
            {
                next.Add(url);
            }

            // A link whose title attribute is the full report title but whose text is truncated ("…") reads best by title.
            var full = anchor.GetAttribute("title");
            if (!string.IsNullOrWhiteSpace(full) && (text.Length == 0 || text.EndsWith('…') || text.EndsWith("...", StringComparison.Ordinal)))
            {
                title = Collapse(full);
            }

            links.Add(new ListingLink(url, title));
        }

        foreach (Match match in CreatePageHtml().Matches(html ?? ""))
        {
            // TRS: createPageHTML(pageCount, currentIndex, "index", "html"): pages are index.html, index_1.html …
            if (int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                var stem = match.Groups["stem"].Success ? match.Groups["stem"].Value : "index";
                var extension = match.Groups["ext"].Success ? match.Groups["ext"].Value : "html";
                for (var i = 1; i < Math.Min(count, SeedFile.MaxListingPagesLimit + 1); i++)
                {
                    next.Add(new Uri(pageUrl, string.Create(CultureInfo.InvariantCulture, $"{stem}_{i}.{extension}")));
                }
            }
        }

        return new ListingPage(links, next.DistinctBy(u => u.AbsoluteUri).Where(u => u.AbsoluteUri != pageUrl.AbsoluteUri).ToList());
    }

    /// <summary>True when <paramref name="candidate"/> is another numbered page of the column <paramref name="page"/> belongs to.</summary>
    public static bool IsSiblingPage(Uri candidate, Uri page)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(page);
        if (!string.Equals(candidate.Authority, page.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return ColumnKey(candidate) is { } key && key == ColumnKey(page);
    }

    /// <summary>The URL with its page number taken out, or null when it has no recognised page number.</summary>
    private static string? ColumnKey(Uri url)
    {
        var path = url.AbsolutePath;
        var query = url.Query;
        var directory = path[..(path.LastIndexOf('/') + 1)];
        var file = path[(path.LastIndexOf('/') + 1)..];

        if (IndexFile().Match(file) is { Success: true } index)
        {
            return directory + "index." + index.Groups["ext"].Value + "|" + PageQuery().Replace(query, "");
        }

        if (ColumnIndexFile().Match(file) is { Success: true } column)
        {
            return directory + column.Groups["stem"].Value + "|" + query;
        }

        if (PageQuery().IsMatch(query))
        {
            return path + "|" + PageQuery().Replace(query, "");
        }

        return null;
    }

    private static Uri WithoutFragment(Uri url) =>
        string.IsNullOrEmpty(url.Fragment) ? url : new Uri(url.GetLeftPart(UriPartial.Query));

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"^(下一页|下页|后页|下一頁|next|next page|»|>|>>)$", RegexOptions.IgnoreCase)]
    private static partial Regex NextText();

    [GeneratedRegex(@"^index(_\d+)?\.(?<ext>s?html?)$", RegexOptions.IgnoreCase)]
    private static partial Regex IndexFile();

    [GeneratedRegex(@"^(?<stem>[a-z]+-index)(-\d+)?\.s?html?$", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnIndexFile();

    [GeneratedRegex(@"(?<=[?&])(page|pageNum|pageIndex|pageNo|pn)=\d+&?", RegexOptions.IgnoreCase)]
    private static partial Regex PageQuery();

    [GeneratedRegex("""createPageHTML\(\s*'?"?(?<count>\d+)'?"?\s*,\s*'?"?\d+'?"?\s*(,\s*["'](?<stem>[\w-]+)["']\s*,\s*["'](?<ext>\w+)["'])?""")]
    private static partial Regex CreatePageHtml();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
