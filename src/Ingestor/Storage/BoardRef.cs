using Ingestor.Providers;

namespace Ingestor.Storage;

/// <summary>
/// A registered board: <see cref="SourceId"/> is its identity in every table. <see cref="ETag"/> and <see cref="LastModified"/>
/// are the validators of its last applied response, for a conditional request; <see cref="ListingSha256"/> what that
/// response listed when it applied cleanly (<see cref="Normalization.Fingerprints.ListingFingerprint"/>), so a payload that
/// lists the same postings is recorded in one statement (<see cref="UnchangedListings"/>); <see cref="PayloadSha256"/> the
/// SHA-256 of the payload applied last, so that only those bytes again are offered to <see cref="UnchangedPayloads"/>.
/// </summary>
public sealed record BoardRef(
    Guid SourceId, string Provider, string BoardToken, string? ETag, string? LastModified, string? ListingSha256, string? PayloadSha256)
{
    public BoardValidators Validators => new(ETag, LastModified);

    /// <summary>The board as people name it: <c>provider:token</c>, or the bare token of a Greenhouse board.</summary>
    public BoardName Name => new(Provider, BoardToken);
}
