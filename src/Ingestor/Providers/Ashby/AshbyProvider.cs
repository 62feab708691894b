using System.Text.Json;

namespace Ingestor.Providers.Ashby;

/// <summary>
/// Ashby's public job posting API: one request gives the whole board with descriptions and pay; there is no count, so a
/// parsable list is a complete snapshot. Jobs not listed publicly (<c>isListed: false</c>) are not postings.
/// </summary>
public sealed class AshbyProvider(AshbyClient client) : IJobBoardProvider
{
    public const string ProviderName = "ashby";

    public string Name => ProviderName;

    public string DisplayName => "Ashby";

    public bool TryNormalizeToken(string candidate, out string token, out string problem) =>
        AshbyBoardName.TryNormalize(candidate, out token, out problem);

    public Task<BoardResponse> FetchAsync(string boardToken, BoardValidators? validators, CancellationToken cancellationToken) =>
        client.GetBoardAsync(boardToken, validators, cancellationToken);

    public BoardSnapshot ReadSnapshot(ReadOnlyMemory<byte> payload) => AshbyPayload.Read(payload);

    public string? KeyOf(JsonElement job) => AshbyPayload.KeyOf(job);

    public SourceJob ReadJob(ListedJob job) => AshbyMapping.ToSourceJob(job);
}
