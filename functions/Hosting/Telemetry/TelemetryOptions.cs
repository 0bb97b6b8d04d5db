namespace Ingest.Functions.Hosting.Telemetry;

/// <summary>
/// Where the app's traces, metrics and logs go. Azure Monitor is switched on by the platform's own
/// setting (<see cref="ConnectionStringSetting"/>), not by an Ingest option, so an App Service / Functions
/// app with Application Insights attached needs nothing else.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Ingest:Telemetry";

    /// <summary>The setting Application Insights puts on a function app; present means "export to Azure Monitor".</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Also print spans, metrics and log records with the OpenTelemetry console exporter (stdout). Off by
    /// default so the CLI's and the demo's own output stays readable.
    /// </summary>
    public bool Console { get; set; }
}
