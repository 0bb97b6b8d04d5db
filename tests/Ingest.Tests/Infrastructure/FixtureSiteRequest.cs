namespace Ingest.Tests.Infrastructure;

/// <summary>One request the fixture site saw: when, what, with which headers, and the status it chose.</summary>
public sealed record FixtureSiteRequest(
    DateTimeOffset At,
    string Method,
    string PathAndQuery,
    string Host,
    IReadOnlyDictionary<string, string> Headers,
    int Status)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
