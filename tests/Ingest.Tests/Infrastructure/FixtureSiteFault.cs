namespace Ingest.Tests.Infrastructure;

/// <summary>How a fixture response misbehaves on the wire.</summary>
public enum FixtureSiteFault
{
    None,

    /// <summary>TCP reset before any response byte.</summary>
    ResetBeforeHeaders,

    /// <summary>Headers and half the body, then a TCP reset (RST).</summary>
    ResetMidBody,

    /// <summary>Content-Length of the whole body, half of it sent, then the connection closed (FIN).</summary>
    TruncateBody,
}
