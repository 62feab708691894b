using System.Text.Json;

namespace Ingestor.Providers;

/// <summary>
/// One ATS provider: how its boards are named, how a board's snapshot is fetched and read, and how its jobs map to
/// <see cref="SourceJob"/>. Everything after the fetch (archive, normalization, reconciliation, storage) is the same for all.
/// </summary>
public interface IJobBoardProvider
{
    /// <summary>The provider's name in board names (<c>ashby:lambda</c>), job ids, archive keys and the boards table.</summary>
    string Name { get; }

    /// <summary>How people write it ("Greenhouse"), for messages.</summary>
    string DisplayName { get; }

    /// <summary>The token as stored and sent, or false with the reason it cannot name a board of this provider.</summary>
    bool TryNormalizeToken(string candidate, out string token, out string problem);

    /// <summary>Fetches the board's snapshot; a 304 when <paramref name="validators"/> still hold.</summary>
    Task<BoardResponse> FetchAsync(string boardToken, BoardValidators? validators, CancellationToken cancellationToken);

    /// <summary>Lists the jobs of a payload; throws <see cref="MalformedPayloadException"/> when it cannot be trusted as a snapshot.</summary>
    BoardSnapshot ReadSnapshot(ReadOnlyMemory<byte> payload);

    /// <summary>The provider's id of a job object (<c>provider_job_key</c>); null when it has no usable one.</summary>
    string? KeyOf(JsonElement job);

    /// <summary>Reads a listed job whole, for normalization; throws <see cref="InvalidOperationException"/> when it cannot be read.</summary>
    SourceJob ReadJob(ListedJob job);
}
