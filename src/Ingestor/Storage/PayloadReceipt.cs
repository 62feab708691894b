namespace Ingestor.Storage;

/// <summary>
/// How a board's payload arrived, as every poll records it whatever becomes of the payload. <see cref="PayloadSha256"/> is of
/// the decoded body; on a 304 it and <see cref="PayloadBytes"/> are null (nothing was sent).
/// </summary>
public sealed record PayloadReceipt(
    Guid PollId,
    DateTimeOffset StartedAt,
    DateTimeOffset ObservedAt,
    int HttpStatus,
    string? PayloadSha256,
    long? PayloadBytes,
    string? ETag,
    string? LastModified,
    string? ContentEncoding);
