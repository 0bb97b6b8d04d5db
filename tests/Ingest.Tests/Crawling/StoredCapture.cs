using Ingest.Archive;

namespace Ingest.Tests.Crawling;

public sealed record StoredCapture(string Name, byte[] Bytes, CaptureMetadata Metadata);
