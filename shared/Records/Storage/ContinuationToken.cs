using System.Buffers.Text;
using System.Text;

namespace Ingest.Records.Storage;

/// <summary>
/// The SDK's continuation token (next PartitionKey and RowKey) wrapped as an opaque URL-safe string, so
/// callers cannot depend on its shape and a tampered token fails cleanly instead of reaching a query.
/// </summary>
public static class ContinuationToken
{
    private const string Version = "c1:";

    public static string? Wrap(string? sdkToken) =>
        string.IsNullOrEmpty(sdkToken) ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + sdkToken));

    /// <summary>False when <paramref name="token"/> is not one this class produced.</summary>
    public static bool TryUnwrap(string? token, out string? sdkToken)
    {
        sdkToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (!text.StartsWith(Version, StringComparison.Ordinal) || text.Length == Version.Length)
            {
                return false;
            }

            sdkToken = text[Version.Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
