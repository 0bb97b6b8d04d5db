using System.Reflection;
using Ingest.Configuration;

namespace Ingest.Tests.Infra;

/// <summary>
/// The environment names an options class binds: each public settable property of a type that declares
/// <c>public const string Section = "Ingest:…"</c>.
/// </summary>
internal static class OptionsSettingNames
{
    public const string SectionField = "Section";
    public const string SectionPrefix = "Ingest:";

    /// <summary>Options types of the app's own assemblies (the core library and the function app).</summary>
    public static IReadOnlyList<Type> AppOptionsTypes() =>
        new[] { typeof(Ingest.Storage.StorageLayout).Assembly, typeof(Ingest.Functions.Cli.VerbCatalog).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => Section(t) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    public static string? Section(Type type) =>
        type.GetField(SectionField, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly) is { IsLiteral: true } field
        && field.GetRawConstantValue() is string section
        && section.StartsWith(SectionPrefix, StringComparison.Ordinal)
            ? section
            : null;

    public static IReadOnlyList<string> Of(Type type)
    {
        var section = Section(type) ?? throw new ArgumentException($"{type} declares no public const string Section starting with '{SectionPrefix}'.", nameof(type));
        // An options class whose properties keep other names (CRAWL_SCHEDULE is read by function.json as
        // %CRAWL_SCHEDULE%) says so with a static EnvironmentName(string property) method.
        var rename = type.GetMethod("EnvironmentName", BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => rename?.Invoke(null, [p.Name]) as string ?? AppSetting.NameFor(section, p.Name))
            .ToList();
    }
}
