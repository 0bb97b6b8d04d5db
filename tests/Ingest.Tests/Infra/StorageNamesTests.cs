using System.Reflection;
using Ingest.Storage;

namespace Ingest.Tests.Infra;

/// <summary>The Bicep creates every container, queue and table the app's default layout names.</summary>
public sealed class StorageNamesTests
{
    [Theory]
    [InlineData("Container", "containerNames")]
    [InlineData("Queue", "queueNames")]
    [InlineData("Table", "tableNames")]
    public async Task Bicep_creates_every_name_of_the_default_layout(string suffix, string variable)
    {
        var created = ArmTemplate.Names(await BicepCli.TemplateAsync("main.bicep"), variable);

        var expected = LayoutNames(suffix);
        Assert.NotEmpty(expected);
        var missing = expected.Except(created, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            $"infra/main.bicep variable '{variable}' lacks {string.Join(", ", missing)} (from StorageLayout); add them there.");
    }

    [Fact]
    public async Task Deployment_package_container_is_created_and_is_not_a_layout_name()
    {
        var main = await BicepCli.TemplateAsync("main.bicep");
        var deployment = (string)ArmTemplate.Variable(main, "deploymentContainerName")!;

        Assert.Contains(deployment, ArmTemplate.Names(main, "containerNames"));
        Assert.DoesNotContain(deployment, LayoutNames("Container"));
    }

    /// <summary>Every string property of the default layout whose name ends in the suffix (RawContainer, CrawlStateTable, …).</summary>
    private static List<string> LayoutNames(string suffix)
    {
        var layout = new StorageLayout();
        return typeof(StorageLayout).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith(suffix, StringComparison.Ordinal))
            .Select(p => (string)p.GetValue(layout)!)
            .ToList();
    }
}
