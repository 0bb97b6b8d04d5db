namespace Ingest.Records.Writing;

/// <summary>The tables holding entities derived from a report's partition.</summary>
internal enum DerivedTable
{
    Index,
    Figures,
}
