namespace Ingest.Crawling.Http;

/// <summary>The body is larger than <see cref="CrawlerOptions.MaxBodyBytes"/>; not transient, never retried.</summary>
public sealed class BodyTooLargeException : Exception
{
    public BodyTooLargeException()
    {
    }

    public BodyTooLargeException(string message)
        : base(message)
    {
    }

    public BodyTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
