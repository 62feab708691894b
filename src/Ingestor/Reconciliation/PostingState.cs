namespace Ingestor.Reconciliation;

/// <summary>What a poll saw of one posting: its identity and the fingerprints that tell a change from a re-send.</summary>
public sealed record SeenPosting(string JobId, string ContentHash, string SourceHash, IReadOnlyDictionary<string, string> FieldHashes);

/// <summary>
/// What the database holds of one posting of the board. <see cref="InLatestSnapshot"/>: listed in the board's latest applied
/// snapshot, so its last sighting is the board's.
/// </summary>
public sealed record StoredPosting(
    string JobId, bool IsActive, string ContentHash, string SourceHash, IReadOnlyDictionary<string, string> FieldHashes, bool InLatestSnapshot);
