namespace Ingest.Crawling.Http;

public enum FetchStatus
{
    /// <summary>A 2xx with its body spooled.</summary>
    Ok,

    /// <summary>304: the validators we sent still hold.</summary>
    NotModified,

    /// <summary>Anything else; see <see cref="FetchResult.FailureKind"/>.</summary>
    Failed,
}
