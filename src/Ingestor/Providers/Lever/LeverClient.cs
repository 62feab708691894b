using Ingestor.Providers.Http;
using Microsoft.Extensions.Options;

namespace Ingestor.Providers.Lever;

/// <summary>
/// Fetches a whole Lever site, descriptions included, as one JSON array (<c>GET v0/postings/{site}?mode=json</c>) from the
/// global host or, for an <c>eu:</c> site, the EU host. JSON is asked for by <c>mode</c> and by <c>Accept</c>: a browser's
/// Accept header has been answered with an HTML widget. One posting is <c>GET v0/postings/{site}/{id}</c>; its 404 is not
/// authoritative, since Lever answers 404 for unlisted postings that its hosted pages still show.
/// </summary>
public sealed class LeverClient(HttpClient http, IOptions<LeverOptions> options, TimeProvider clock)
{
    public Task<BoardResponse> GetPostingsAsync(string token, BoardValidators? validators, CancellationToken cancellationToken) =>
        BoardRequest.GetAsync(http, options.Value, LeverOptions.Section, SiteUrl(token, "?mode=json"), validators, clock, cancellationToken);

    public Task<JobCheck> CheckPostingAsync(string token, string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        JobCheckRequest.GetAsync(http, SiteUrl(token, $"/{Uri.EscapeDataString(id)}"), notFoundIsAuthoritative: false, timeout, clock, cancellationToken);

    private Uri SiteUrl(string token, string rest)
    {
        var (site, inEu) = LeverSiteName.Parse(token);
        var host = inEu ? options.Value.EuBaseUrl! : options.Value.BaseUrl!;
        return BoardRequest.Resolve(host, $"v0/postings/{Uri.EscapeDataString(site)}{rest}");
    }
}
