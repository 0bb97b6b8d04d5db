namespace Ingest.Crawling.Http;

/// <summary>The crawler's named HttpClient. Hosts may reconfigure it, e.g. its primary handler.</summary>
public static class CrawlerHttp
{
    /// <summary>Name for <c>IHttpClientFactory</c>; <c>services.AddHttpClient(CrawlerHttp.ClientName)</c> extends it.</summary>
    public const string ClientName = "Ingest.Crawler";

    /// <summary>
    /// The default primary handler: no automatic redirects (the crawler follows them itself, checking each
    /// target), transparent decompression, and a connect step that refuses non-public addresses.
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler(CrawlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            UseCookies = false,
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 2,
            ConnectCallback = GuardedConnection.Create(options.AllowPrivateAddresses),
        };
    }
}
