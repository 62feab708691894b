using Ingestor.Providers.Http;
using Microsoft.Extensions.Options;

namespace Ingestor.Providers.Lever;

/// <summary>
/// Fetches a whole Lever site, descriptions included, as one JSON array (<c>GET v0/postings/{site}?mode=json</c>) from the
/// global host or, for an <c>eu:</c> site, the EU host. JSON is asked for by <c>mode</c> and by <c>Accept</c>: a browser's
/// Accept header has been answered with an HTML widget.
/// </summary>
public sealed class LeverClient(HttpClient http, IOptions<LeverOptions> options, TimeProvider clock)
{
    public Task<BoardResponse> GetPostingsAsync(string token, BoardValidators? validators, CancellationToken cancellationToken)
    {
        var (site, inEu) = LeverSiteName.Parse(token);
        var host = inEu ? options.Value.EuBaseUrl! : options.Value.BaseUrl!;
        var url = BoardRequest.Resolve(host, $"v0/postings/{Uri.EscapeDataString(site)}?mode=json");
        return BoardRequest.GetAsync(http, options.Value, LeverOptions.Section, url, validators, clock, cancellationToken);
    }
}
