using System.Net;

namespace Ingest.Crawling.Http;

/// <summary>Response content whose body has already been read into a <see cref="BodySpool"/>.</summary>
public sealed class SpooledContent : HttpContent
{
    public SpooledContent(BodySpool spool)
    {
        Spool = spool;
    }

    public BodySpool Spool { get; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = Spool.OpenRead();
        await body.CopyToAsync(stream, cancellationToken);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(Spool.OpenRead());

    protected override bool TryComputeLength(out long length)
    {
        length = Spool.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Spool.Dispose();
        }

        base.Dispose(disposing);
    }
}
