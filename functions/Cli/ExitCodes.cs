namespace Ingest.Functions.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The verb ran and reports a failure (a crawl that failed, a check that did not pass).</summary>
    public const int Failure = 1;

    /// <summary>The verb could not run: bad arguments, missing file, no storage.</summary>
    public const int Usage = 2;
}
