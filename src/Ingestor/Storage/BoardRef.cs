namespace Ingestor.Storage;

/// <summary>A registered board: <see cref="SourceId"/> is its identity in every table.</summary>
public sealed record BoardRef(Guid SourceId, string Provider, string BoardToken);
