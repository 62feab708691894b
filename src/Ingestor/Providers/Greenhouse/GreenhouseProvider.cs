using System.Text.Json;

namespace Ingestor.Providers.Greenhouse;

/// <summary>Greenhouse's public Job Board API: one request gives the whole board, descriptions included.</summary>
public sealed class GreenhouseProvider(GreenhouseClient client) : IJobBoardProvider, IChecksJobs
{
    public const string ProviderName = "greenhouse";

    public string Name => ProviderName;

    public string DisplayName => "Greenhouse";

    public bool TryNormalizeToken(string candidate, out string token, out string problem)
    {
        problem = BoardToken.TryNormalize(candidate, out token) ? "" : BoardToken.Problem(candidate);
        return problem.Length == 0;
    }

    public Task<BoardResponse> FetchAsync(string boardToken, BoardValidators? validators, CancellationToken cancellationToken) =>
        client.GetJobsAsync(boardToken, validators, cancellationToken);

    public Task<JobCheck> CheckJobAsync(string boardToken, string jobKey, TimeSpan timeout, CancellationToken cancellationToken) =>
        client.CheckJobAsync(boardToken, jobKey, timeout, cancellationToken);

    public BoardSnapshot ReadSnapshot(ReadOnlyMemory<byte> payload) => GreenhousePayload.Read(payload);

    public string? KeyOf(JsonElement job) => GreenhousePayload.KeyOf(job);

    public SourceJob ReadJob(ListedJob job) =>
        GreenhouseMapping.ToSourceJob(GreenhouseJobReader.Read(job.Source) ?? throw new InvalidOperationException("the job has no usable id"));
}
