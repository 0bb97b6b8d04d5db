using Ingest.Functions.Hosting.Configuration;
using Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Hosting.Standalone;

/// <summary>Everything the standalone host checks before it starts, as messages a person can act on.</summary>
public static class StartupCheck
{
    public static IReadOnlyList<string> Problems(WebApplication app, bool seedsFileRequired = false)
    {
        var problems = new List<string>();
        try
        {
            var options = app.Services.GetRequiredService<IOptions<IngestHostOptions>>().Value;
            if (seedsFileRequired && !File.Exists(options.ResolvedSeedsPath()))
            {
                problems.Add($"The seeds file {options.ResolvedSeedsPath()} does not exist; set {IngestHostOptions.EnvironmentName(nameof(IngestHostOptions.SeedsPath))}.");
            }
        }
        catch (OptionsValidationException e)
        {
            problems.AddRange(e.Failures.Select(f => "Invalid setting: " + f));
        }

        try
        {
            _ = StorageConnection.FromConfiguration(app.Configuration);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            problems.Add("Storage: " + e.Message);
        }

        return problems;
    }
}
