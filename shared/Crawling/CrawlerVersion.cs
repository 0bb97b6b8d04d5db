namespace Ingest.Crawling;

/// <summary>The crawler's version: in the User-Agent and on every capture's metadata.</summary>
public static class CrawlerVersion
{
    /// <summary>Bump when fetching or archiving behaviour changes in a way a reader of old captures should know.</summary>
    public const string Number = "1.0";

    /// <summary>The value stored as <c>crawler_version</c> in capture metadata.</summary>
    public const string Label = "ingest-crawler/" + Number;
}
