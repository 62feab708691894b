using Ingestor.Normalization;

namespace Ingestor.Storage;

/// <summary>A board payload that was fetched, archived and normalized, ready to be reconciled with the database.</summary>
public sealed record ObservedSnapshot(
    Guid PollId,
    DateTimeOffset StartedAt,
    DateTimeOffset ObservedAt,
    int HttpStatus,
    string PayloadSha256,
    long PayloadBytes,
    string RawPayloadUri,
    IReadOnlyList<NormalizedPosting> Postings,
    bool IsComplete,
    int? DeclaredTotal,
    IReadOnlyList<string> Problems);
