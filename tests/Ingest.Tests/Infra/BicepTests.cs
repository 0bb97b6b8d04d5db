using System.Text.Json.Nodes;
using Ingest.Storage;

namespace Ingest.Tests.Infra;

/// <summary>
/// infra/ compiles and lints clean with the real Bicep CLI (every linter rule an error in
/// infra/bicepconfig.json, and any warning still fails here), and the template says what the
/// Flex Consumption deployment needs.
/// </summary>
public sealed class BicepTests
{
    [Theory]
    [InlineData("main.bicep")]
    [InlineData("blob-events.bicep")]
    public async Task Template_builds_without_errors_or_warnings(string file)
    {
        var run = await BicepCli.BuildAsync(file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(string.IsNullOrWhiteSpace(run.Error), $"bicep build {file} reported diagnostics:\n{run.Error}");
        Assert.NotNull(JsonNode.Parse(run.Output)?["resources"]);
    }

    [Fact]
    public async Task Every_template_lints_with_no_diagnostics_at_all()
    {
        var run = await BicepCli.LintAllAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(string.IsNullOrWhiteSpace(run.Output + run.Error), $"bicep lint reported diagnostics:\n{run.Output}{run.Error}");
    }

    [Theory]
    [InlineData("main.bicepparam")]
    [InlineData("blob-events.bicepparam")]
    public async Task Parameters_file_builds_without_errors_or_warnings(string file)
    {
        var run = await BicepCli.BuildParamsAsync(file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(string.IsNullOrWhiteSpace(run.Error), $"bicep build-params {file} reported diagnostics:\n{run.Error}");
    }

    [Fact]
    public async Task Lint_check_catches_a_planted_warning()
    {
        // Proves the lint assertion above can fail: an unused parameter is a default-level warning,
        // reported while the exit code stays 0.
        var directory = Directory.CreateTempSubdirectory("ingest-bicep-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "planted.bicep"), "param unused string\n");

            var run = await BicepCli.LintAllInAsync(directory.FullName);

            Assert.Contains("Warning no-unused-params", run.Output + run.Error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Function_app_is_a_custom_handler_on_flex_consumption_with_identity_deployment_storage()
    {
        var app = ArmTemplate.Module(await BicepCli.TemplateAsync("main.bicep"), "functionApp");

        var plan = ArmTemplate.Resource(app, "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        var site = ArmTemplate.Resource(app, "Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("custom", (string?)config["runtime"]!["name"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)config["scaleAndConcurrency"]!["instanceMemoryMB"]);
    }

    [Fact]
    public async Task Storage_and_telemetry_accept_no_keys()
    {
        var main = await BicepCli.TemplateAsync("main.bicep");

        var account = ArmTemplate.Resource(ArmTemplate.Module(main, "storage"), "Microsoft.Storage/storageAccounts");
        Assert.False((bool)account["properties"]!["allowSharedKeyAccess"]!);

        var monitoring = ArmTemplate.Module(main, "monitoring");
        Assert.True((bool)ArmTemplate.Resource(monitoring, "Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)ArmTemplate.Resource(monitoring, "Microsoft.OperationalInsights/workspaces")["properties"]!["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public async Task Blob_events_reach_the_ParseReport_blob_extension_webhook_for_new_raw_blobs_only()
    {
        var template = await BicepCli.TemplateAsync("blob-events.bicep");
        Assert.Equal("ParseReport", (string?)ArmTemplate.ModuleParameter(template, "blobEventSubscription", "functionName"));
        Assert.Equal("[parameters('rawContainerName')]", (string?)ArmTemplate.ModuleParameter(template, "blobEventSubscription", "containerName"));
        Assert.Equal(new StorageLayout().RawContainer, (string?)template["parameters"]!["rawContainerName"]!["defaultValue"]);

        var subscription = ArmTemplate.Resource(
            ArmTemplate.Module(template, "blobEventSubscription"),
            "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var properties = subscription["properties"]!;

        var endpoint = (string)properties["destination"]!["properties"]!["endpointUrl"]!;
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.{", endpoint, StringComparison.Ordinal);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Contains("/blobServices/default/containers/{", (string)properties["filter"]!["subjectBeginsWith"]!, StringComparison.Ordinal);
    }
}
