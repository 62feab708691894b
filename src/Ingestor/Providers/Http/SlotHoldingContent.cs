using System.Net;

namespace Ingestor.Providers.Http;

/// <summary>
/// A response's content that keeps its request's host slot until the content is disposed: the body is still coming from
/// the host while it is read, so the request is open until then. The content itself is passed through untouched.
/// </summary>
internal sealed class SlotHoldingContent : HttpContent
{
    private readonly HttpContent _inner;
    private IDisposable? _slot;

    public SlotHoldingContent(HttpContent inner, IDisposable slot)
    {
        _inner = inner;
        _slot = slot;
        foreach (var header in inner.Headers)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(stream, cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

    // The length, when known, came with the copied headers.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            Interlocked.Exchange(ref _slot, null)?.Dispose();
        }
        base.Dispose(disposing);
    }
}
