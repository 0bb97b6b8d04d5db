using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Parsing;

/// <summary>
/// Makes GB2312/GBK/GB18030 available before anything in this assembly (or AngleSharp, whose static
/// encoding tables silently fall back to UTF-8 when the provider is missing) resolves an encoding.
/// </summary>
internal static class EncodingRegistration
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Every host of the core library needs the code pages before the first parse; registering twice is harmless.")]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, the superset every GB-family label is decoded with (WHATWG: the GBK decoder is the gb18030 decoder).</summary>
    internal static Encoding Gb18030 { get; } = CreateGb18030();

    private static Encoding CreateGb18030()
    {
        Register();
        return Encoding.GetEncoding(54936);
    }
}
