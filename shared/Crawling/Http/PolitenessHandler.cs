namespace Ingest.Crawling.Http;

/// <summary>Holds the host's turn for the whole attempt, including reading the body (done further in).</summary>
internal sealed class PolitenessHandler(PolitenessGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var turn = await gate.AcquireAsync(request.RequestUri!.Authority, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
