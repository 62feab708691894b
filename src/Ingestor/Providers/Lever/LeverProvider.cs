using System.Text.Json;

namespace Ingestor.Providers.Lever;

/// <summary>
/// Lever's postings API: one request gives the whole site as a JSON array with descriptions; there is no count, so a parsable
/// array is a complete snapshot.
/// </summary>
public sealed class LeverProvider(LeverClient client) : IJobBoardProvider, IChecksJobs
{
    public const string ProviderName = "lever";

    public string Name => ProviderName;

    public string DisplayName => "Lever";

    public bool TryNormalizeToken(string candidate, out string token, out string problem) =>
        LeverSiteName.TryNormalize(candidate, out token, out problem);

    public Task<BoardResponse> FetchAsync(string boardToken, BoardValidators? validators, CancellationToken cancellationToken) =>
        client.GetPostingsAsync(boardToken, validators, cancellationToken);

    public Task<JobCheck> CheckJobAsync(string boardToken, string jobKey, TimeSpan timeout, CancellationToken cancellationToken) =>
        client.CheckPostingAsync(boardToken, jobKey, timeout, cancellationToken);

    public BoardSnapshot ReadSnapshot(ReadOnlyMemory<byte> payload) => LeverPayload.Read(payload);

    public string? KeyOf(JsonElement job) => LeverPayload.KeyOf(job);

    public SourceJob ReadJob(ListedJob job) => LeverMapping.ToSourceJob(job);
}
