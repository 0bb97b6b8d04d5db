namespace Ingest.Crawling.Http;

/// <summary>A connection to a private, link-local or loopback address was refused (SSRF guard); never retried.</summary>
public sealed class AddressRefusedException : Exception
{
    public AddressRefusedException()
    {
    }

    public AddressRefusedException(string message)
        : base(message)
    {
    }

    public AddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
