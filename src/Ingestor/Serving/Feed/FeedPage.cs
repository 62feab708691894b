namespace Ingestor.Serving.Feed;

/// <summary>
/// A page of the change feed and where to read on: a cursor always, since a consumer that has caught up asks again later from
/// there. It never passes an event the consumer has not been given.
/// </summary>
public sealed record FeedPage(IReadOnlyList<FeedEvent> Data, string NextCursor);
