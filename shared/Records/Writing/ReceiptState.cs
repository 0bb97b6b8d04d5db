namespace Ingest.Records.Writing;

/// <summary>States of a receipt; all but <see cref="Pending"/> are terminal for that blob, ETag and parser version.</summary>
internal static class ReceiptState
{
    public const string Pending = "pending";
    public const string Written = "written";
    public const string Superseded = "superseded";
    public const string Quarantined = "quarantined";
    public const string Poisoned = "poisoned";
}
