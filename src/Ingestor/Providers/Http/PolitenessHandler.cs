using System.Net;
using Microsoft.Extensions.Logging;

namespace Ingestor.Providers.Http;

/// <summary>
/// Keeps every request within its host's limits (<see cref="HostThrottle"/>). It sits inside the resilience pipeline, so each
/// attempt, retries included, waits its turn; a <c>Retry-After</c> on a 429 or 503 pauses the whole host, capped by
/// the provider's <c>MaxRetryAfter</c>. Local <c>file://</c> folders are not throttled.
/// </summary>
internal sealed class PolitenessHandler(HostThrottles hosts, ProviderHttpOptions options, ILogger<PolitenessHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { Scheme: "http" or "https" } uri)
            return await base.SendAsync(request, cancellationToken);

        var host = hosts.For(uri.Authority, options);
        var slot = await host.EnterAsync(cancellationToken);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (RequestedPause(response) is { } pause)
            {
                host.Pause(pause);
                logger.LogWarning("{Host} answered {Status} asking us to wait; every request to it waits {Pause}",
                    uri.Authority, (int)response.StatusCode, pause);
            }
            response.Content = new SlotHoldingContent(response.Content, slot);
            return response;
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    private TimeSpan? RequestedPause(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            return null;
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? retryAfter?.Date - DateTimeOffset.UtcNow;
        if (wait is not { } delay || delay <= TimeSpan.Zero)
            return null;
        return delay > options.MaxRetryAfter ? options.MaxRetryAfter : delay;
    }
}
