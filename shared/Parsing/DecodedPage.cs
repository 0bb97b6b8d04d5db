using System.Buffers;

namespace Ingest.Parsing;

/// <summary>
/// A page's bytes turned into text, with how that was decided. The text lives in a buffer rented from
/// the shared pool; disposing returns it, so nothing may keep a reference to <see cref="Text"/> after that.
/// </summary>
internal sealed class DecodedPage(
    ReadOnlyMemory<char> text,
    string charset,
    bool isHtml,
    string? rejection,
    IReadOnlyList<string> warnings,
    bool truncated,
    char[]? rented) : IDisposable
{
    private char[]? _rented = rented;

    public ReadOnlyMemory<char> Text { get; private set; } = text;

    public string Charset { get; } = charset;

    public bool IsHtml { get; } = isHtml;

    /// <summary>Why the input is not a text page at all (empty, binary), or null.</summary>
    public string? Rejection { get; } = rejection;

    public IReadOnlyList<string> Warnings { get; } = warnings;

    /// <summary>The input was longer than <see cref="PageDecoder.MaxBytes"/> and was cut.</summary>
    public bool Truncated { get; } = truncated;

    public void Dispose()
    {
        Text = ReadOnlyMemory<char>.Empty;
        if (_rented is { } buffer)
        {
            _rented = null;
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
