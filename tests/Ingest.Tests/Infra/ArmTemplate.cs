using System.Text.Json.Nodes;

namespace Ingest.Tests.Infra;

/// <summary>Read-only views into a compiled ARM template: variables, module templates, resources.</summary>
internal static class ArmTemplate
{
    /// <summary>The template a Bicep module compiled into (a nested Microsoft.Resources/deployments).</summary>
    public static JsonObject Module(JsonObject template, string deploymentName) =>
        Resources(template)
            .Where(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == deploymentName)
            .Select(r => r["properties"]!["template"]!.AsObject())
            .SingleOrDefault()
        ?? throw new InvalidOperationException($"No module deployment named '{deploymentName}' in the template.");

    /// <summary>The literal value a parent passes to a module parameter.</summary>
    public static JsonNode? ModuleParameter(JsonObject template, string deploymentName, string parameter) =>
        Resources(template)
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == deploymentName)
            ["properties"]!["parameters"]![parameter]!["value"];

    /// <summary>Resources as a list; language version 2.0 templates key them by symbolic name instead.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray list => list.Select(r => r!.AsObject()),
            JsonObject bySymbol => bySymbol.Select(p => p.Value!.AsObject()),
            _ => [],
        };

    public static JsonObject Resource(JsonObject template, string type) =>
        Resources(template).Single(r => (string?)r["type"] == type);

    public static JsonNode Variable(JsonObject template, string name) =>
        template["variables"]?[name] ?? throw new InvalidOperationException($"No variable '{name}' in the template.");

    /// <summary>A variable holding a literal list of names.</summary>
    public static IReadOnlyList<string> Names(JsonObject template, string variable) =>
        Variable(template, variable).AsArray().Select(ResolveName(template)).ToList();

    /// <summary>True for an ARM expression ("[...]") rather than a literal string.</summary>
    public static bool IsExpression(string value) => value.StartsWith('[') && !value.StartsWith("[[", StringComparison.Ordinal);

    // A list item may name another literal variable: "[variables('rawContainerName')]".
    private static Func<JsonNode?, string> ResolveName(JsonObject template) => node =>
    {
        var value = (string)node!;
        const string prefix = "[variables('";
        const string suffix = "')]";
        return value.StartsWith(prefix, StringComparison.Ordinal) && value.EndsWith(suffix, StringComparison.Ordinal)
            ? (string)Variable(template, value[prefix.Length..^suffix.Length])!
            : value;
    };
}
