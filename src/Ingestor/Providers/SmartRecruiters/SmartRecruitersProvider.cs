using System.Text.Json;

namespace Ingestor.Providers.SmartRecruiters;

/// <summary>
/// SmartRecruiters' Posting API: the list, walked page by page, is the snapshot; the detail of each new or changed posting is
/// its content. A poll's pages and details are archived as one <see cref="SmartRecruitersEnvelope"/>. The snapshot is complete
/// only when every page arrived, <c>totalFound</c> held still and no posting was listed twice.
/// </summary>
public sealed class SmartRecruitersProvider(SmartRecruitersClient client) : IJobBoardProvider, IFetchesDetails, IChecksJobs
{
    public const string ProviderName = "smartrecruiters";

    public string Name => ProviderName;

    public string DisplayName => "SmartRecruiters";

    public bool TryNormalizeToken(string candidate, out string token, out string problem) =>
        SmartRecruitersCompany.TryNormalize(candidate, out token, out problem);

    // A walk of several requests has no validators to send back: every poll walks the list again.
    public Task<BoardResponse> FetchAsync(string boardToken, BoardValidators? validators, CancellationToken cancellationToken) =>
        client.GetListAsync(boardToken, cancellationToken);

    public async Task<BoardResponse> WithDetailsAsync(
        string boardToken, BoardResponse listed, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return listed;
        var details = await client.GetDetailsAsync(boardToken, keys, cancellationToken);
        return listed with { Body = SmartRecruitersEnvelope.WithDetails(listed.Body, details) };
    }

    public Task<JobCheck> CheckJobAsync(string boardToken, string jobKey, TimeSpan timeout, CancellationToken cancellationToken) =>
        client.CheckPostingAsync(boardToken, jobKey, timeout, cancellationToken);

    public BoardSnapshot ReadSnapshot(ReadOnlyMemory<byte> payload) => SmartRecruitersPayload.Read(payload);

    public string? KeyOf(JsonElement job) => SmartRecruitersPayload.KeyOf(job);

    public SourceJob ReadJob(ListedJob job) => SmartRecruitersMapping.ToSourceJob(job);
}
