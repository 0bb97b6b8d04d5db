namespace Ingest.Configuration;

/// <summary>
/// Every setting the app reads, once. <c>local.settings.sample.json</c>, the Bicep app settings
/// (<c>infra/modules/functionApp.bicep</c>) and the README's configuration table follow this list, and
/// Ingest.Tests.Infra fails when they or an options class (<c>public const string Section</c>) drift
/// from it. Adding a setting is one line here, then the test output says what to paste where.
/// </summary>
public static class AppSettings
{
    public static IReadOnlyList<AppSetting> All { get; } =
    [
        new("AzureWebJobsStorage", null, "Storage connection string for the host and the app; `UseDevelopmentStorage=true` for Azurite.", SettingScope.Local) { LocalValue = "UseDevelopmentStorage=true" },
        new("AzureWebJobsStorage__credential", null, "`managedidentity`: storage is reached with the app's identity instead of a connection string.", SettingScope.Azure),
        new("AzureWebJobsStorage__clientId", null, "Client id of the user-assigned identity that signs in to storage.", SettingScope.Azure),
        new("AzureWebJobsStorage__blobServiceUri", null, "Blob endpoint of the storage account (identity-based connection).", SettingScope.Azure),
        new("AzureWebJobsStorage__queueServiceUri", null, "Queue endpoint of the storage account (identity-based connection).", SettingScope.Azure),
        new("AzureWebJobsStorage__tableServiceUri", null, "Table endpoint of the storage account (identity-based connection).", SettingScope.Azure),
        new("FUNCTIONS_WORKER_RUNTIME", "custom", "Functions host only: this app is a custom handler. Flex Consumption rejects the setting and takes `functionAppConfig.runtime` instead.", SettingScope.Local),
        new("CRAWL_SCHEDULE", "0 0 2 * * *", "When the nightly crawl starts: 6-field NCRONTAB (second minute hour day month weekday), UTC."),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", null, "Where the host sends telemetry; optional locally (set it to send local runs to Application Insights too).", SettingScope.Azure),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", null, "`ClientId=<identity>;Authorization=AAD`: telemetry is sent with the app's identity (local auth is off).", SettingScope.Azure),
    ];

    public static AppSetting? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
