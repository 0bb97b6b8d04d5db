using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Ingest.Storage;

/// <summary>
/// Reads the storage connection the way the Functions host does: either a connection string in
/// <c>AzureWebJobsStorage</c> (locally <c>UseDevelopmentStorage=true</c>), or identity-based settings
/// <c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>,
/// <c>__credential=managedidentity</c> and optionally <c>__clientId</c> for a user-assigned identity.
/// </summary>
public static class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    public static IngestStorage FromConfiguration(IConfiguration configuration, StorageLayout? layout = null)
    {
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return IngestStorage.FromConnectionString(connectionString, layout);
        }

        var section = configuration.GetSection(SettingName);
        var blob = section["blobServiceUri"];
        var queue = section["queueServiceUri"];
        var table = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blob) || string.IsNullOrWhiteSpace(queue) || string.IsNullOrWhiteSpace(table))
        {
            throw new InvalidOperationException(
                $"No storage configured. Set {SettingName} to a connection string (UseDevelopmentStorage=true for Azurite), " +
                $"or set {SettingName}__blobServiceUri, {SettingName}__queueServiceUri and {SettingName}__tableServiceUri for identity-based access.");
        }

        return IngestStorage.FromServiceUris(new Uri(blob), new Uri(queue), new Uri(table), Credential(section["credential"], section["clientId"]), layout);
    }

    /// <summary>True when the configured connection is the local emulator's well-known one.</summary>
    public static bool IsDevelopmentStorage(IConfiguration configuration) =>
        string.Equals(configuration[SettingName]?.Trim().TrimEnd(';'), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    private static TokenCredential Credential(string? kind, string? clientId) =>
        string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
