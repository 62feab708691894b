namespace Ingestor.Renormalization;

/// <summary>
/// A stored posting as a re-derivation reads it: the job as sent (<c>native</c>, which leaves out the description's
/// properties), the description as stored, and the parsed fields it holds now (to tell what the current code changes).
/// </summary>
public sealed record StoredJob
{
    public required string JobId { get; init; }
    public required Guid SourceId { get; init; }
    public required string Provider { get; init; }
    public required string BoardToken { get; init; }
    public required string SourceHash { get; init; }
    public required string Native { get; init; }
    public string? DescriptionHtml { get; init; }
    public string? DescriptionText { get; init; }
}
