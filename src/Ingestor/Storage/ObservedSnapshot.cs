using Ingestor.Normalization;
using Ingestor.Providers;

namespace Ingestor.Storage;

/// <summary>
/// A posting of a snapshot. <see cref="Normalized"/> is null when the board already holds it, active, with the same
/// source hash: it is the same posting byte for byte, so there is nothing to derive again.
/// </summary>
public sealed record SnapshotPosting(string JobId, string SourceHash, NormalizedPosting? Normalized);

/// <summary>
/// A board payload that was fetched, archived and normalized, ready to be reconciled with the database; with what the own
/// endpoints of postings it lacks answered (<see cref="Checks"/>, by job id), when they were asked; and what it lists as one
/// hash (<see cref="Normalization.Fingerprints.ListingFingerprint"/>), when it is complete and every job was identified.
/// </summary>
public sealed record ObservedSnapshot(
    PayloadReceipt Receipt,
    string RawPayloadUri,
    IReadOnlyList<SnapshotPosting> Postings,
    bool IsComplete,
    int? DeclaredTotal,
    IReadOnlyList<string> Problems,
    IReadOnlyDictionary<string, JobCheck> Checks,
    string? ListingSha256)
{
    public DateTimeOffset ObservedAt => Receipt.ObservedAt;
}
