using System.Text.Json;
using System.Text.Json.Serialization;
using Ingestor.Providers;

namespace Ingestor.Archive;

/// <summary>
/// A poll that the payload objects alone do not stand for, kept as a small JSON object beside its payload: one that applied
/// bytes archived earlier that day (a payload object names only its first sighting of the day), or one that asked job
/// endpoints about postings the list lacked (<see cref="Checks"/>, by job id), on whose answers closes depend. A replay applies
/// the payload again at <see cref="ObservedAt"/> with these answers instead of asking the network.
/// </summary>
public sealed record ArchivedPoll(DateTimeOffset ObservedAt, string PayloadSha256, IReadOnlyDictionary<string, JobCheck> Checks)
{
    public const string Extension = ".poll.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="JsonException">Not a poll record.</exception>
    public static ArchivedPoll FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ArchivedPoll>(json, Json) ?? throw new JsonException("the poll record is null");
}
