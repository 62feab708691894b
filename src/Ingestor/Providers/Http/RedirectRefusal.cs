using System.Net;

namespace Ingestor.Providers.Http;

/// <summary>
/// A provider's API answers where it is asked; a redirect (to another host, or anywhere) is not followed, since a board that
/// sends us elsewhere could hand us any host's content as its own. The redirect fails the request, naming its status and
/// where it pointed. It sits outside the resilience pipeline: a redirect is an answer, not a transient failure to retry.
/// </summary>
internal sealed class RedirectRefusal : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode is < 300 or >= 400 || response.StatusCode == HttpStatusCode.NotModified)
            return response;

        using (response)
        {
            var location = response.Headers.Location is { } target
                ? $"a redirect to {(target.IsAbsoluteUri ? target.Host : request.RequestUri?.Host)}"
                : "a redirect with no Location";
            throw new HttpRequestException(
                $"it answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}) with {location}, which is not followed",
                null, response.StatusCode);
        }
    }
}
