namespace Ingestor.Storage;

/// <summary>
/// A board as an operator checks it: is it enabled, its state (<see cref="BoardStates"/>), how its last poll went, how many
/// failures in a row since when and the HTTP status of the last one, when it last succeeded, how many of its postings are
/// active and when it is next due (a failing, blocked or gone board backs off). Times are UTC.
/// </summary>
public sealed record BoardHealth(
    string Provider,
    string BoardToken,
    bool Enabled,
    string State,
    string? LastOutcome,
    int ConsecutiveFailures,
    int? LastFailureStatus,
    DateTime? FailingSince,
    DateTime? LastSuccessAt,
    int ActivePostings,
    DateTime NextPollAt);
