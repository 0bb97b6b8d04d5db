using System.Text;
using Azure.Data.Tables;

namespace Ingest.Records.Storage;

/// <summary>
/// The Table Storage limits, enforced before anything is sent, because Azurite does not enforce them
/// (it accepts mixed-partition batches and fails oddly on 101 entities). Figures from
/// learn.microsoft.com "Understanding the Table service data model" and "Performing entity group transactions".
/// </summary>
public static class EntityLimits
{
    public const int MaxCustomProperties = 252;

    /// <summary>64 KiB of UTF-16.</summary>
    public const int MaxStringChars = 32 * 1024;

    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxKeyChars = 1024;
    public const int MaxTransactionActions = 100;

    /// <summary>The service's limit is 4 MiB per transaction payload.</summary>
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>Returns why <paramref name="entity"/> breaks a limit, or null when it is storable.</summary>
    public static string? Violation(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (KeyViolation("PartitionKey", entity.PartitionKey) is { } pk)
        {
            return pk;
        }

        if (KeyViolation("RowKey", entity.RowKey) is { } rk)
        {
            return rk;
        }

        if (entity is not TableEntity dynamic)
        {
            return null;
        }

        var custom = dynamic.Keys.Count(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"));
        if (custom > MaxCustomProperties)
        {
            return $"entity {entity.PartitionKey}/{entity.RowKey} has {custom} custom properties; at most {MaxCustomProperties} are allowed";
        }

        foreach (var (name, value) in dynamic)
        {
            switch (value)
            {
                case string text when text.Length > MaxStringChars:
                    return $"property {name} of {entity.PartitionKey}/{entity.RowKey} holds {text.Length} characters; at most {MaxStringChars} are allowed";
                case byte[] bytes when bytes.Length > MaxBinaryBytes:
                    return $"property {name} of {entity.PartitionKey}/{entity.RowKey} holds {bytes.Length} bytes; at most {MaxBinaryBytes} are allowed";
                case BinaryData data when data.ToMemory().Length > MaxBinaryBytes:
                    return $"property {name} of {entity.PartitionKey}/{entity.RowKey} holds {data.ToMemory().Length} bytes; at most {MaxBinaryBytes} are allowed";
            }
        }

        var size = StoredSize(dynamic);
        return size > MaxEntityBytes
            ? $"entity {entity.PartitionKey}/{entity.RowKey} is {size} bytes; at most {MaxEntityBytes} are allowed"
            : null;
    }

    /// <summary>Throws when <paramref name="entity"/> breaks a limit (a bug in the code that built it).</summary>
    public static void Enforce(ITableEntity entity)
    {
        if (Violation(entity) is { } violation)
        {
            throw new TableLimitException(violation);
        }
    }

    /// <summary>The entity's size as the service counts it (4 + 2 × key lengths + per property 8 + 2 × name + value).</summary>
    public static long StoredSize(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + ((entity.PartitionKey?.Length ?? 0) * 2L) + ((entity.RowKey?.Length ?? 0) * 2L);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            size += 8 + (name.Length * 2L) + value switch
            {
                string text => 4 + (text.Length * 2L),
                byte[] bytes => 4 + bytes.LongLength,
                BinaryData data => 4 + data.ToMemory().Length,
                bool => 1,
                int => 4,
                Guid => 16,
                null => 0,
                _ => 8,
            };
        }

        return size;
    }

    /// <summary>
    /// A conservative upper bound of the entity's share of a transaction's multipart payload: its JSON
    /// (UTF-8, with escaping and type annotations) plus the per-operation MIME headers.
    /// </summary>
    public static long PayloadEstimate(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        const int operationOverhead = 1024;
        long size = operationOverhead + (Utf8(entity.PartitionKey) * 3L) + (Utf8(entity.RowKey) * 3L);
        if (entity is TableEntity dynamic)
        {
            foreach (var (name, value) in dynamic)
            {
                // Name twice (value and its odata.type annotation), quotes, colons, commas.
                size += (Utf8(name) * 2L) + 48 + value switch
                {
                    // JSON escapes: \uXXXX is 6 bytes for a character UTF-8 would write in 3.
                    string text => Utf8(text) * 2L,
                    byte[] bytes => ((bytes.Length + 2) / 3 * 4) + 2,
                    BinaryData data => ((data.ToMemory().Length + 2) / 3 * 4) + 2,
                    _ => 40,
                };
            }
        }

        return size;
    }

    private static string? KeyViolation(string name, string? key)
    {
        if (key is null)
        {
            return $"{name} is missing";
        }

        if (key.Length > MaxKeyChars)
        {
            return $"{name} is {key.Length} characters; at most {MaxKeyChars} are allowed";
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c < 0x20 || c is >= (char)0x7F and <= (char)0x9F)
            {
                return $"{name} '{key}' contains the forbidden character U+{(int)c:X4}";
            }
        }

        return null;
    }

    private static int Utf8(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
