using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Functions.Demo;

/// <summary>The last stdout line of <c>demo --once</c>: what this run of the pipeline did.</summary>
public sealed record DemoReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public int Hosts { get; init; }
    public int PagesFetched { get; init; }

    /// <summary>Fetched pages whose content had not changed (a 304, or the same hash): no new blob.</summary>
    public int Unchanged { get; init; }

    public int BlobsWritten { get; init; }

    /// <summary>Pages whose fetch failed (recorded outcomes in crawl state, e.g. a 404 or a timeout).</summary>
    public int PageFailures { get; init; }

    /// <summary>Crawl requests that failed every try and went to the poison queue.</summary>
    public int CrawlFailures { get; init; }

    public int ReportsParsed { get; init; }
    public int AlreadyParsed { get; init; }
    public int Superseded { get; init; }

    /// <summary>Pages recorded as not parseable, with their reason (the sample site's broken page is one).</summary>
    public int Quarantined { get; init; }

    /// <summary>Pages that should have parsed and did not: failed every try, or poisoned. 0 on the sample site.</summary>
    public int ParseFailures { get; init; }

    /// <summary>Requests the sample site answered 304 Not Modified: the crawl was conditional.</summary>
    public int NotModified { get; init; }

    [JsonIgnore]
    public bool Succeeded => ParseFailures == 0 && CrawlFailures == 0;

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
