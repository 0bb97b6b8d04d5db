namespace Ingest.Records.Writing;

internal enum WriteResult
{
    Written,

    /// <summary>The stored record comes from a newer capture; nothing was changed.</summary>
    Superseded,
}
