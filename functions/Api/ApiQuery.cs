using Ingest.Lookup;

namespace Ingest.Functions.Api;

/// <summary>
/// A request's query string seen through a <see cref="ParameterCheck"/>: a parameter given twice is a
/// problem (which of two years did the caller mean?). Unknown parameters are ignored, so the Functions
/// key (<c>code</c>) and cache busters pass through.
/// </summary>
internal sealed class ApiQuery(HttpRequest request)
{
    /// <summary>Azure Functions' key parameter: never echoed back in a next-page link.</summary>
    private const string FunctionKeyParameter = "code";

    public ParameterCheck Check { get; } = new();

    public string? this[string name]
    {
        get
        {
            var values = request.Query[name];
            if (values.Count > 1)
            {
                Check.Fail(name, "must be given at most once");
            }

            return values.Count == 0 ? null : values[0];
        }
    }

    /// <summary>The URL of the next page: this request's path and query with the continuation replaced.</summary>
    public string? Next(string? continuation)
    {
        if (continuation is null)
        {
            return null;
        }

        var pairs = request.Query
            .Where(p => !string.Equals(p.Key, "continuation", StringComparison.OrdinalIgnoreCase) && !string.Equals(p.Key, FunctionKeyParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("continuation", continuation));
        return request.PathBase + request.Path + QueryString.Create(pairs);
    }
}
