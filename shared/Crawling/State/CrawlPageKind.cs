namespace Ingest.Crawling.State;

public enum CrawlPageKind
{
    /// <summary>A column page listing reports; read for links, not archived.</summary>
    Listing,

    /// <summary>A report page; archived as a capture when its content is new.</summary>
    Report,
}
