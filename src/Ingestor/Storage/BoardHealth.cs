namespace Ingestor.Storage;

/// <summary>
/// A board as an operator checks it: is it enabled, how did its last poll go, how many failures in a row, when it last
/// succeeded, how many of its postings are active and when it is next due. Times are UTC.
/// </summary>
public sealed record BoardHealth(
    string Provider,
    string BoardToken,
    bool Enabled,
    string? LastOutcome,
    int ConsecutiveFailures,
    DateTime? LastSuccessAt,
    int ActivePostings,
    DateTime NextPollAt);
