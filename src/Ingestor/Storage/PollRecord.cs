namespace Ingestor.Storage;

public static class PollOutcome
{
    public const string Succeeded = "succeeded";
    /// <summary>Applied, but nothing was closed from it: the snapshot was incomplete or the closes were held.</summary>
    public const string Partial = "partial";
    public const string Failed = "failed";
    /// <summary>A newer snapshot of the board was applied first; this one changed nothing.</summary>
    public const string Superseded = "superseded";
}

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
    int Unchanged = 0);
