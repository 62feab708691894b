using System.Text.Json.Serialization;
using Ingestor.Storage;

namespace Ingestor.Serving.Feed;

/// <summary>
/// One lifecycle event as the change feed serves it: which posting of which board, then the event as
/// <c>/jobs/{job_id}/events</c> shows it.
/// </summary>
public sealed record FeedEvent : PostingRecords.Event
{
    [JsonPropertyOrder(-3)]
    public required string JobId { get; init; }

    [JsonPropertyOrder(-2)]
    public required string Provider { get; init; }

    [JsonPropertyOrder(-1)]
    public required Guid SourceId { get; init; }

    /// <summary>The transaction that wrote the event: the feed's order and its cursor's position, never shown.</summary>
    [JsonIgnore]
    public ulong Txid { get; init; }
}
