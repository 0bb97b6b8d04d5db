using System.Buffers;
using System.Security.Cryptography;

namespace Ingest.Crawling.Http;

/// <summary>
/// A response body read once, hashed (SHA-256) while it streams in, kept in a pooled buffer while
/// small and in a temporary file beyond that — memory stays flat however large the page (up to the
/// cap). The archive reads it back as a stream; the discovery step may read small ones as bytes.
/// </summary>
public sealed class BodySpool : IDisposable
{
    /// <summary>Bodies up to this size never touch the disk.</summary>
    public const int MemoryLimit = 128 * 1024;

    private const int ChunkSize = 16 * 1024;
    private byte[]? memory;
    private string? path;
    private string? sha256;
    private bool disposed;

    private BodySpool()
    {
    }

    public long Length { get; private set; }

    /// <summary>Lowercase hex SHA-256 of the whole body.</summary>
    public string Sha256 => sha256 ?? throw new InvalidOperationException("The body has not been read.");

    /// <summary>The first bytes of the body (up to <see cref="MemoryLimit"/>), for charset sniffing.</summary>
    public ReadOnlyMemory<byte> Head => memory is null ? ReadOnlyMemory<byte>.Empty : memory.AsMemory(0, (int)Math.Min(Length, MemoryLimit));

    /// <summary>Reads <paramref name="source"/> to the end; throws <see cref="BodyTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    public static async Task<BodySpool> ReadAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var spool = new BodySpool { memory = ArrayPool<byte>.Shared.Rent(MemoryLimit) };
        try
        {
            await spool.FillAsync(source, maxBytes, cancellationToken);
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    /// <summary>A fresh read-only stream over the whole body.</summary>
    public Stream OpenRead()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return path is null
            ? new MemoryStream(memory!, 0, (int)Length, writable: false)
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }

    /// <summary>The whole body as an array; for listing pages, which discovery parses in memory.</summary>
    public async Task<byte[]> ToArrayAsync(CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return memory!.AsSpan(0, (int)Length).ToArray();
        }

        await using var stream = OpenRead();
        var bytes = new byte[Length];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (memory is not null)
        {
            ArrayPool<byte>.Shared.Return(memory);
            memory = null;
        }

        if (path is not null)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A reader still has it open; the temp folder is cleaned by the OS.
            }
        }
    }

    private async Task FillAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        FileStream? file = null;
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                if (Length + read > maxBytes)
                {
                    throw new BodyTooLargeException($"The body is larger than the cap of {maxBytes} bytes.");
                }

                hash.AppendData(chunk, 0, read);
                if (file is null && Length + read <= MemoryLimit)
                {
                    chunk.AsSpan(0, read).CopyTo(memory.AsSpan((int)Length));
                }
                else
                {
                    if (file is null)
                    {
                        path = Path.Combine(Path.GetTempPath(), "ingest-body-" + Guid.NewGuid().ToString("N"));
                        file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous);
                        await file.WriteAsync(memory.AsMemory(0, (int)Length), cancellationToken);
                        var room = (int)Math.Min(read, MemoryLimit - Length);
                        chunk.AsSpan(0, room).CopyTo(memory.AsSpan((int)Length));
                    }

                    await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                }

                Length += read;
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }
}
