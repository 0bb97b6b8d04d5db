using System.Globalization;
using System.Text.Json;
using Ingest.Records;
using Microsoft.Extensions.Options;

namespace Ingest.Functions.Cli;

/// <summary>
/// <c>failures</c>: lists the quarantined raw pages (not a report, unparseable, poison) with their reasons,
/// and with <c>--retry</c> handles them again after a fix. Retrying goes through the same
/// <see cref="ParseReportHandler"/> the blob trigger and the watcher call, in this process, so it works
/// the same against Azure and Azurite: the blob's receipt under the current parser version and its
/// failure entries are removed first, then it is parsed as if new (tried up to MaxAttempts, like the
/// trigger). A page that still fails is quarantined again with its new reason.
/// </summary>
public sealed class FailuresVerb : CliVerb
{
    private readonly Func<IConfiguration> configuration;
    private readonly Action<IServiceCollection>? configureServices;

    public FailuresVerb()
        : this(OperatorSession.EnvironmentConfiguration)
    {
    }

    internal FailuresVerb(Func<IConfiguration> configuration, Action<IServiceCollection>? configureServices = null)
    {
        this.configuration = configuration;
        this.configureServices = configureServices;
    }

    public override string Name => "failures";

    public override string Summary => "List quarantined pages with their reasons; --retry parses them again after a fix.";

    public override string Usage => $"""
        Usage: dotnet run --project functions -- failures [--kind KIND] [--retry]

        Lists the raw pages the parse stage quarantined, one JSON object per line on stdout: kind, blob
        name, reason, parser version, attempts, source URL, fetched and failed times.

          --kind KIND   only this kind: {string.Join(", ", FailureKind.All)}
          --retry       handle the listed pages again now (after a parser or data fix): each page's
                        receipt and failure entry are removed and it goes through the ParseReport
                        handler; the line then also carries the new outcome

        Storage: AzureWebJobsStorage. Exit codes: 0 listed (and, with --retry, none still failing),
        1 some retried pages failed again, 2 bad arguments or no storage.
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var retry = false;
        IReadOnlyList<string> kinds = FailureKind.All;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--retry")
            {
                retry = true;
                continue;
            }

            if (arguments[i] == "--kind" && i + 1 < arguments.Count && FailureKind.All.Contains(arguments[i + 1]))
            {
                kinds = [arguments[++i]];
                continue;
            }

            await console.Error.WriteLineAsync(arguments[i] == "--kind"
                ? $"failures: --kind takes one of {string.Join(", ", FailureKind.All)}."
                : $"failures: unknown argument '{arguments[i]}'. Run 'failures --help' for usage.");
            return ExitCodes.Usage;
        }

        await using var session = await OperatorSession.OpenAsync(Name, configuration(), configureServices, console, cancellationToken);
        if (session is null)
        {
            return ExitCodes.Usage;
        }

        var reader = session.Services.GetRequiredService<ReportReader>();
        var failures = new List<ParseFailure>();
        foreach (var kind in kinds)
        {
            string? token = null;
            do
            {
                var page = await reader.ListFailuresAsync(kind, ReportQuery.MaxPageSize, token, cancellationToken);
                failures.AddRange(page.Items);
                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        await console.Error.WriteLineAsync($"failures: {failures.Count} quarantined page(s)" + (retry ? "; handling them again" : ""));
        var handler = retry ? session.Services.GetRequiredService<ParseReportHandler>() : null;
        var maxAttempts = session.Services.GetRequiredService<IOptions<RecordsOptions>>().Value.MaxAttempts;
        var stillFailing = 0;
        foreach (var failure in failures)
        {
            ParseHandling? handling = null;
            if (handler is not null)
            {
                handling = await handler.RetryQuarantinedAsync(failure.BlobName, failure.ETag, cancellationToken);
                for (var attempt = 2; handling.Outcome == ParseOutcomeKind.Failed && attempt <= maxAttempts; attempt++)
                {
                    handling = await handler.HandleAsync(failure.BlobName, null, cancellationToken);
                }

                if (handling.Outcome is ParseOutcomeKind.Quarantined or ParseOutcomeKind.Failed or ParseOutcomeKind.Poisoned)
                {
                    stillFailing++;
                }
            }

            await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                kind = failure.Kind,
                blobName = failure.BlobName,
                reason = failure.Reason,
                parserVersion = failure.ParserVersion,
                attempts = failure.Attempts,
                sourceUrl = failure.SourceUrl,
                fetchedAt = failure.FetchedAt,
                failedAt = failure.FailedAt,
                retried = handling is null ? null : new
                {
                    outcome = JsonNamingPolicy.SnakeCaseLower.ConvertName(handling.Outcome.ToString()),
                    reportId = handling.ReportId,
                    reason = handling.Reason,
                },
            }));
        }

        if (retry)
        {
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"failures: {failures.Count - stillFailing} recovered, {stillFailing} still failing"));
        }

        return stillFailing > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
