namespace Ingestor.Replay;

/// <summary>
/// One live poll as the archive keeps it: the payload it applied (<see cref="PayloadKey"/>, perhaps first seen by an earlier
/// poll that day) at <see cref="ObservedAt"/>, and its poll record when it left one (<see cref="PollRecordKey"/>).
/// </summary>
public sealed record ReplayStep(DateOnly Day, DateTimeOffset ObservedAt, string Sha256, string PayloadKey, string? PollRecordKey);
