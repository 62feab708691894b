namespace Ingestor.Storage;

/// <summary>A board claimed for polling, with the time its poll was due (its <c>next_poll_at</c>, which the claim leaves as it is).</summary>
public sealed record DueBoard(
    Guid SourceId, string Provider, string BoardToken, string? ETag, string? LastModified, string? ListingSha256, string? PayloadSha256,
    DateTime DueAt)
{
    public BoardRef Board => new(SourceId, Provider, BoardToken, ETag, LastModified, ListingSha256, PayloadSha256);
}
