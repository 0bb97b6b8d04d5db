namespace Ingest.Functions.Api.Contracts;

/// <summary><c>GET /api/health</c>: the process answers. It does not touch storage, so a probe stays cheap.</summary>
internal sealed record HealthDocument(string Status);
