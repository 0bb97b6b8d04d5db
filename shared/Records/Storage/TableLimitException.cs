namespace Ingest.Records.Storage;

/// <summary>An entity or transaction that Table Storage would reject; always a bug in the code that built it.</summary>
public sealed class TableLimitException : Exception
{
    public TableLimitException()
    {
    }

    public TableLimitException(string message)
        : base(message)
    {
    }

    public TableLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
