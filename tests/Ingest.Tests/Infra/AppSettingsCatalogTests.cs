using System.Text;
using System.Text.Json.Nodes;
using Ingest.Configuration;

namespace Ingest.Tests.Infra;

/// <summary>
/// One list of settings (Ingest.Configuration.AppSettings) and everything that must agree with it:
/// local.settings.sample.json, the Bicep app settings, the options classes and the README table.
/// Failures print what to paste where.
/// </summary>
public sealed class AppSettingsCatalogTests
{
    // Settings the Flex Consumption plan rejects or ignores (runtime and content come from functionAppConfig).
    private static readonly string[] RejectedByFlex =
    [
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "SCM_DO_BUILD_DURING_DEPLOYMENT",
    ];

    [Fact]
    public void Catalog_names_are_unique_and_described()
    {
        var duplicates = AppSettings.All.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
        Assert.All(AppSettings.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Description), s.Name));
        Assert.All(AppSettings.All, s => Assert.True(s.IsLocal || s.IsAzure, $"{s.Name} is configured nowhere."));
    }

    [Fact]
    public void Catalog_sends_no_setting_to_Azure_that_Flex_Consumption_rejects()
    {
        var rejected = AppSettings.All.Where(s => s.IsAzure && RejectedByFlex.Contains(s.Name, StringComparer.OrdinalIgnoreCase));

        Assert.Empty(rejected);
    }

    [Fact]
    public void Local_settings_sample_holds_exactly_the_local_settings_with_their_values()
    {
        var values = JsonNode.Parse(RepositoryFiles.ReadAllText("local.settings.sample.json"))!["Values"]!.AsObject();
        var actual = values.Select(p => (p.Key, Value: (string?)p.Value)).ToList();
        var expected = AppSettings.All.Where(s => s.IsLocal).Select(s => (Key: s.Name, Value: (string?)s.SampleValue)).ToList();

        Assert.True(expected.SequenceEqual(actual),
            "local.settings.sample.json must list the local settings of AppSettings.All, in catalog order, with their sample values:\n"
            + string.Join(",\n", expected.Select(e => $"    \"{e.Key}\": \"{e.Value}\"")));
    }

    [Fact]
    public async Task Bicep_app_settings_are_exactly_the_Azure_settings()
    {
        var actual = await BicepAppSettingsAsync();
        var expected = AppSettings.All.Where(s => s.IsAzure).ToList();

        var missing = expected.Where(s => !actual.ContainsKey(s.Name)).ToList();
        var extra = actual.Select(p => p.Key).Where(name => !expected.Any(s => s.Name == name)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"infra/modules/functionApp.bicep 'appSettings' disagrees with AppSettings.All. Not in Bicep: [{string.Join(", ", missing.Select(s => s.Name))}]; "
            + $"not in the catalog: [{string.Join(", ", extra)}]. Bicep lines for the missing ones:\n"
            + string.Join("\n", missing.Select(s => $"  {s.Name}: '{s.DefaultValue}'")));
    }

    [Fact]
    public async Task Bicep_gives_every_setting_with_a_default_that_default()
    {
        var actual = await BicepAppSettingsAsync();

        foreach (var setting in AppSettings.All.Where(s => s.IsAzure && s.DefaultValue is not null && actual.ContainsKey(s.Name)))
        {
            Assert.Equal(setting.DefaultValue, (string?)actual[setting.Name]);
        }
    }

    [Fact]
    public async Task Bicep_never_sets_what_Flex_Consumption_rejects()
    {
        var actual = await BicepAppSettingsAsync();

        Assert.Empty(actual.Select(p => p.Key).Intersect(RejectedByFlex, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_options_property_has_a_catalog_entry()
    {
        var missing = OptionsSettingNames.AppOptionsTypes()
            .SelectMany(OptionsSettingNames.Of)
            .Where(name => AppSettings.Find(name) is null)
            .ToList();

        Assert.True(missing.Count == 0,
            "Options properties without an entry in shared/Configuration/AppSettings.cs; add one line each:\n"
            + string.Join("\n", missing.Select(name => $"        new(\"{name}\", \"<default>\", \"<what it does>\"),")));
    }

    [Fact]
    public void Every_Ingest_catalog_entry_belongs_to_an_options_property()
    {
        var bound = OptionsSettingNames.AppOptionsTypes().SelectMany(OptionsSettingNames.Of).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var orphans = AppSettings.All.Select(s => s.Name)
            .Where(name => name.StartsWith("Ingest__", StringComparison.Ordinal) && !bound.Contains(name))
            .ToList();

        Assert.True(orphans.Count == 0, $"Catalog entries no options class binds: {string.Join(", ", orphans)}.");
    }

    [Fact]
    public void Options_names_follow_the_section_and_property()
    {
        Assert.Equal(
            ["Ingest__Sample__MinDelaySeconds", "Ingest__Sample__UserAgent"],
            OptionsSettingNames.Of(typeof(SampleOptions)));
        Assert.Null(OptionsSettingNames.Section(typeof(NotIngestOptions)));
    }

    [Fact]
    public void Readme_configuration_table_is_the_catalog()
    {
        var readme = RepositoryFiles.ReadAllText("README.md");
        var start = readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Configuration' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var rows = readme[start..(end < 0 ? readme.Length : end)]
            .Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .ToList();

        var expected = AppSettings.All.Select(ReadmeRow).ToList();
        Assert.True(expected.SequenceEqual(rows, StringComparer.Ordinal),
            "README.md's configuration table must list AppSettings.All; its rows should read:\n" + string.Join("\n", expected));
    }

    internal static string ReadmeRow(AppSetting setting)
    {
        var where = setting.Scope switch
        {
            SettingScope.Local => "local",
            SettingScope.Azure => "Azure",
            _ => "both",
        };
        var row = new StringBuilder("| `").Append(setting.Name).Append("` | ")
            .Append(setting.DefaultValue is null ? "—" : $"`{setting.DefaultValue}`")
            .Append(" | ").Append(where)
            .Append(" | ").Append(setting.Description).Append(" |");
        return row.ToString();
    }

    private static async Task<JsonObject> BicepAppSettingsAsync() =>
        ArmTemplate.Variable(ArmTemplate.Module(await BicepCli.TemplateAsync("main.bicep"), "functionApp"), "appSettings").AsObject();

    private sealed class SampleOptions
    {
        public const string Section = "Ingest:Sample";

        public int MinDelaySeconds { get; init; }

        public string UserAgent { get; set; } = "";

        public int Twice => MinDelaySeconds * 2;

        public int Hidden { get; private set; }
    }

    private sealed class NotIngestOptions
    {
        public const string Section = "Logging";

        public int Level { get; set; }
    }
}
