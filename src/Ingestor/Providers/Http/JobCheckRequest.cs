using Ingestor.Reconciliation;

namespace Ingestor.Providers.Http;

/// <summary>
/// One GET of a job's own endpoint through the provider's client (its retries and politeness): only the status is read.
/// 2xx is present, 404 and 410 are gone where the provider stands behind them, anything else settles nothing.
/// </summary>
public static class JobCheckRequest
{
    public static async Task<JobCheck> GetAsync(
        HttpClient http, Uri url, bool notFoundIsAuthoritative, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            var presence = status switch
            {
                >= 200 and < 300 => JobPresence.Present,
                404 or 410 when notFoundIsAuthoritative => JobPresence.Gone,
                _ => JobPresence.Unknown,
            };
            return new JobCheck(url, status, clock.GetUtcNow(), presence);
        }
        // A deadline passed is no answer, like a timeout; the poll's own cancellation is not.
        catch (Exception e) when (NoAnswer.Is(e, cancellationToken))
        {
            return new JobCheck(url, null, clock.GetUtcNow(), JobPresence.Unknown, e is OperationCanceledException ? $"no answer within {timeout}" : e.Message);
        }
    }
}
