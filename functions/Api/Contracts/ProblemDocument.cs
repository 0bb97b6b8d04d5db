using System.Text.Json.Serialization;

namespace Ingest.Functions.Api.Contracts;

/// <summary>An RFC 9457 (formerly 7807) problem; <see cref="Errors"/> maps each bad parameter to the rules it breaks.</summary>
internal sealed record ProblemDocument(string Type, string Title, int Status, string Detail, string? Instance)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
