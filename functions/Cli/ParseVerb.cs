using System.Text.Json;
using Ingest.Parsing;

namespace Ingest.Functions.Cli;

/// <summary>
/// <c>parse FILE...</c>: one JSON object per file on stdout (JSON Lines), diagnostics on stderr. Files that
/// exist always get an object, even when they are not reports, empty or binary. A file that does not
/// exist is reported on stderr, the others are still parsed, and the exit code is then 2.
/// </summary>
public sealed class ParseVerb : CliVerb
{
    public override string Name => "parse";

    public override string Summary => "Parse report pages (.html/.htm/.txt) into checked figures, one JSON object per file.";

    public override string Usage => """
        Usage: dotnet run --project functions -- parse FILE... [--pretty]

        Prints one JSON object per FILE on stdout (JSON Lines) with source, title, agency, agencyAsWritten,
        year, publishedAt, indexNo, era, figures, blank, checks, warnings, parserVersion and more.
          .html/.htm  decoded by the declared charset (<meta>) or detected (UTF-8, else GB18030)
          .txt        UTF-8 text, one paragraph per line
          other       sniffed like .html
        A file that is not a report, is empty or is binary still yields an object (isReport false, warnings).
        Missing files are reported on stderr; the others are still parsed. Exit code: 0 when every file was
        read, 2 when no file was given or any file could not be read.

        Options:
          --pretty    indent each object (no longer JSON Lines; for reading)
        """;

    public override async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var pretty = arguments.Contains("--pretty");
        var files = arguments.Where(a => a != "--pretty").ToList();
        if (files.Count == 0)
        {
            await console.Error.WriteLineAsync("parse: no files given. Usage: parse FILE... [--pretty]");
            return ExitCodes.Usage;
        }

        var failed = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(Locate(file), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                failed++;
                await console.Error.WriteLineAsync($"parse: cannot read '{file}': {(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message)}");
                continue;
            }

            var record = ReportParser.Parse(InputFor(file, bytes));
            await console.Out.WriteLineAsync(ReportRecordJson.Serialize(record, pretty));
            await console.Out.FlushAsync(cancellationToken);
            await console.Error.WriteLineAsync($"parse: {file}: {(record.IsReport ? $"{record.Era.Key()} {record.Year} {record.Figures.Count} figures, {record.Checks.Count(c => !c.Ok)} failing checks" : $"not a report ({record.NotReportReason})")}");
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Usage;
    }

    /// <summary>
    /// A relative path names a file in the caller's directory. <c>dotnet run</c> starts a web project in its
    /// project folder, so when the path is not found there the shell's working directory (PWD) is tried.
    /// </summary>
    internal static string Locate(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return path;
        }

        var shellDirectory = Environment.GetEnvironmentVariable("PWD");
        if (!string.IsNullOrEmpty(shellDirectory) && File.Exists(Path.Combine(shellDirectory, path)))
        {
            return Path.Combine(shellDirectory, path);
        }

        return path;
    }

    /// <summary>How a file on disk is handed to the parser: .txt is UTF-8 text; everything else is sniffed.</summary>
    internal static PageInput InputFor(string path, byte[] bytes)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var contentType = extension switch
        {
            ".txt" => "text/plain; charset=utf-8",
            _ => null,
        };
        return new PageInput(bytes, path, contentType);
    }
}
