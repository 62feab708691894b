namespace Ingestor.Storage;

/// <summary>One fetch attempt of a board, as the <c>polls</c> table keeps it.</summary>
public sealed record PollRecord(
    Guid PollId,
    Guid SourceId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int? HttpStatus,
    string? PayloadSha256,
    long? PayloadBytes,
    string? RawPayloadUri,
    string Outcome,
    string? Error,
    int? JobCount = null,
    int? DeclaredTotal = null,
    int Opened = 0,
    int Updated = 0,
    int Reopened = 0,
    int Closed = 0,
    int Unchanged = 0,
    DateTimeOffset? ObservedAt = null,
    string? ETag = null,
    string? LastModified = null,
    string? ContentEncoding = null);
