namespace Ingest.Functions.Api;

/// <summary>The API's paths, for links in responses (relative, so they hold behind any host name).</summary>
internal static class LookupRoutes
{
    public const string Prefix = "/api";

    public static string Report(string reportId) => $"{Prefix}/reports/{Uri.EscapeDataString(reportId)}";

    public static string Source(string reportId) => Report(reportId) + "/source";

    public static string ReportsOf(string agency) => $"{Prefix}/reports" + QueryString.Create("agency", agency);
}
