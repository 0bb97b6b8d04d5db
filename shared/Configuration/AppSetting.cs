namespace Ingest.Configuration;

/// <summary>
/// One setting the app reads from its environment, under the name it has there (<c>__</c> separates
/// sections, as environment variables and Functions app settings spell it).
/// </summary>
/// <param name="Name">The environment name, e.g. <c>CRAWL_SCHEDULE</c> or <c>Ingest__Crawler__MinDelaySeconds</c>.</param>
/// <param name="DefaultValue">What the app uses when the setting is absent; <see langword="null"/> when it has no default.</param>
/// <param name="Description">One sentence for the README's configuration table.</param>
/// <param name="Scope">Where the setting is configured.</param>
public sealed record AppSetting(string Name, string? DefaultValue, string Description, SettingScope Scope = SettingScope.Everywhere)
{
    /// <summary>
    /// The value <c>local.settings.sample.json</c> gives the setting when it should differ from
    /// <see cref="DefaultValue"/> (the emulator's connection string, for instance).
    /// </summary>
    public string? LocalValue { get; init; }

    public bool IsLocal => Scope.HasFlag(SettingScope.Local);

    public bool IsAzure => Scope.HasFlag(SettingScope.Azure);

    /// <summary>The value a fresh local configuration starts from.</summary>
    public string SampleValue => LocalValue ?? DefaultValue ?? "";

    /// <summary>
    /// The environment name of an options property: section <c>Ingest:Crawler</c> and property
    /// <c>MinDelaySeconds</c> give <c>Ingest__Crawler__MinDelaySeconds</c>.
    /// </summary>
    public static string NameFor(string section, string property) =>
        section.Replace(":", "__", StringComparison.Ordinal) + "__" + property;
}
