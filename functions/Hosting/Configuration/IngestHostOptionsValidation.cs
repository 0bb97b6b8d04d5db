using System.Globalization;
using Cronos;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Hosting.Configuration;

/// <summary>Start-up checks of <see cref="IngestHostOptions"/>; each failure names the setting to fix.</summary>
public sealed class IngestHostOptionsValidation : IValidateOptions<IngestHostOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestHostOptions options)
    {
        var failures = new List<string>();
        if (CrawlScheduleError(options.CrawlSchedule) is { } scheduleError)
        {
            failures.Add($"{IngestHostOptions.ScheduleSetting}='{options.CrawlSchedule}': {scheduleError}");
        }

        if (string.IsNullOrWhiteSpace(options.SeedsPath))
        {
            failures.Add($"{Setting(nameof(options.SeedsPath))} must name the seeds file.");
        }

        Range(failures, nameof(options.Port), options.Port, 0, 65535);
        Range(failures, nameof(options.MaxDequeueCount), options.MaxDequeueCount, 1, 100);
        Range(failures, nameof(options.VisibilityTimeoutSeconds), options.VisibilityTimeoutSeconds, 1, 7 * 24 * 3600);
        Range(failures, nameof(options.RetryDelaySeconds), options.RetryDelaySeconds, 0, 7 * 24 * 3600);
        Range(failures, nameof(options.CrawlConcurrency), options.CrawlConcurrency, 1, 64);
        if (options.QueuePollSeconds is <= 0 or > 3600)
        {
            failures.Add($"{Setting(nameof(options.QueuePollSeconds))}={options.QueuePollSeconds.ToString(CultureInfo.InvariantCulture)} must be above 0 and at most 3600.");
        }

        if (options.BlobPollSeconds is <= 0 or > 3600)
        {
            failures.Add($"{Setting(nameof(options.BlobPollSeconds))}={options.BlobPollSeconds.ToString(CultureInfo.InvariantCulture)} must be above 0 and at most 3600.");
        }

        if (options.MaxInvocationBodyBytes < 1024 * 1024)
        {
            failures.Add($"{Setting(nameof(options.MaxInvocationBodyBytes))} must be at least 1 MiB: blob pages arrive base64-encoded in the body.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Why a schedule is unusable, or null. The Functions timer takes 6 fields; so does the standalone host.</summary>
    public static string? CrawlScheduleError(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return "a schedule is required.";
        }

        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 6)
        {
            return $"expected 6 NCRONTAB fields (second minute hour day month weekday), found {fields}.";
        }

        try
        {
            var expression = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
            _ = expression;
        }
        catch (CronFormatException e)
        {
            return e.Message;
        }

        // '* */15 * * * *' fires every second of every 15th minute: almost never what was meant for a crawl.
        if (schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] is "*" or "*/1")
        {
            return "the seconds field '*' fires every second; use 0.";
        }

        return null;
    }

    private static void Range(List<string> failures, string property, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{Setting(property)}={value.ToString(CultureInfo.InvariantCulture)} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static string Setting(string property) => IngestHostOptions.EnvironmentName(property);
}
