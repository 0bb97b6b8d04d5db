namespace Ingest.Crawling;

/// <summary>A seeds file that cannot be used; the message names the entry and the rule it breaks.</summary>
public sealed class SeedFileException : Exception
{
    public SeedFileException()
    {
    }

    public SeedFileException(string message)
        : base(message)
    {
    }

    public SeedFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
