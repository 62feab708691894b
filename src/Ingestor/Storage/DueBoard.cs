namespace Ingestor.Storage;

/// <summary>A board claimed for polling, with the time its poll was due (its <c>next_poll_at</c>, which the claim leaves as it is).</summary>
public sealed record DueBoard(BoardRef Board, DateTime DueAt);
