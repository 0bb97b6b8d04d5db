namespace Ingest.Configuration;

/// <summary>Where a setting is configured: on a developer machine, in the Azure deployment, or both.</summary>
[Flags]
public enum SettingScope
{
    /// <summary><c>local.settings.sample.json</c>: a local Functions host or the standalone runner.</summary>
    Local = 1,

    /// <summary>The function app's settings in Azure, written by <c>infra/</c> (Bicep).</summary>
    Azure = 2,

    Everywhere = Local | Azure,
}
