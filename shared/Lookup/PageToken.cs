using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ingest.Records.Storage;

namespace Ingest.Lookup;

/// <summary>
/// The continuation tokens the API hands out: the read side's opaque token, bound to the query that
/// produced it (a fingerprint of route and filters), base64url-encoded. A token replayed against another
/// query, truncated or made up is refused with 400 instead of silently starting somewhere else.
/// </summary>
public static class PageToken
{
    private const string Version = "p1.";

    /// <summary>The token for the page after this one; null when there is none.</summary>
    public static string? Issue(string scope, string? readerToken) =>
        readerToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}{Fingerprint(scope)}.{readerToken}"));

    /// <summary>The read side's token inside <paramref name="token"/>, or the rule it breaks.</summary>
    public static bool TryRedeem(string token, string scope, out string? readerToken, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(token);
        readerToken = null;
        problem = null;
        string text;
        try
        {
            text = token.Length <= LookupLimits.MaxContinuation ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)) : "";
        }
        catch (FormatException)
        {
            text = "";
        }

        var parts = text.Split('.', 3);
        if (parts.Length != 3 || parts[0] + "." != Version || !ContinuationToken.TryUnwrap(parts[2], out _) || parts[2].Length == 0)
        {
            problem = "must be a continuation token returned by this API, unchanged";
            return false;
        }

        if (!string.Equals(parts[1], Fingerprint(scope), StringComparison.Ordinal))
        {
            problem = "belongs to a different query; repeat the query's other parameters unchanged when paging";
            return false;
        }

        readerToken = parts[2];
        return true;
    }

    private static string Fingerprint(string scope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)).AsSpan(0, 8));
}
