using Ingestor.Providers.Http;
using Microsoft.Extensions.Options;

namespace Ingestor.Providers.Greenhouse;

/// <summary>
/// Fetches a board's jobs with content (<c>GET v1/boards/{token}/jobs?content=true</c>), and checks one job
/// (<c>GET v1/boards/{token}/jobs/{id}</c>: 404 once the job is closed). Retries, timeouts, the circuit breaker and politeness
/// live in the client's handler pipeline.
/// </summary>
public sealed class GreenhouseClient(HttpClient http, IOptions<GreenhouseOptions> options, TimeProvider clock)
{
    public Task<BoardResponse> GetJobsAsync(string boardToken, BoardValidators? validators, CancellationToken cancellationToken)
    {
        var token = BoardToken.Normalize(boardToken);
        var url = BoardRequest.Resolve(options.Value.BaseUrl!, $"v1/boards/{token}/jobs?content=true");
        return BoardRequest.GetAsync(http, options.Value, GreenhouseOptions.Section, url, validators, clock, cancellationToken);
    }

    public Task<JobCheck> CheckJobAsync(string boardToken, string jobId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = BoardRequest.Resolve(options.Value.BaseUrl!, $"v1/boards/{BoardToken.Normalize(boardToken)}/jobs/{Uri.EscapeDataString(jobId)}");
        return JobCheckRequest.GetAsync(http, url, notFoundIsAuthoritative: true, timeout, clock, cancellationToken);
    }
}
