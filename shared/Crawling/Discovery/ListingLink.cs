namespace Ingest.Crawling.Discovery;

/// <summary>A link on a listing page: absolute URL and the text a reader sees (anchor text, else title).</summary>
public sealed record ListingLink(Uri Url, string Title);
