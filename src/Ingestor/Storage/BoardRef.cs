using Ingestor.Providers;

namespace Ingestor.Storage;

/// <summary>
/// A registered board: <see cref="SourceId"/> is its identity in every table. <see cref="ETag"/> and <see cref="LastModified"/>
/// are the validators of its last applied response, for a conditional request.
/// </summary>
public sealed record BoardRef(Guid SourceId, string Provider, string BoardToken, string? ETag, string? LastModified)
{
    public BoardValidators Validators => new(ETag, LastModified);

    /// <summary>The board as people name it: <c>provider:token</c>, or the bare token of a Greenhouse board.</summary>
    public BoardName Name => new(Provider, BoardToken);
}
