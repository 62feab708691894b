namespace Ingestor.Storage;

/// <summary>
/// How fresh the enabled boards are, from one statement: how many there are, never succeeded, and are in each state
/// (<see cref="BoardStates"/>), and when the boards at the 50th, 90th and 99th percentile of age, and the oldest, last
/// succeeded. A board that never succeeded counts from its registration. Times are UTC; null without enabled boards.
/// </summary>
public sealed record BoardFreshness(
    int Enabled,
    int NeverSucceeded,
    int Ok,
    int Empty,
    int Failing,
    int Blocked,
    int Gone,
    DateTime? P50SuccessAt,
    DateTime? P90SuccessAt,
    DateTime? P99SuccessAt,
    DateTime? OldestSuccessAt)
{
    /// <summary>Each quantile of age ("1" for the oldest board) with when its board last succeeded.</summary>
    public IEnumerable<(string Quantile, DateTime SuccessAt)> SuccessAtByQuantile() =>
        new[] { ("0.5", P50SuccessAt), ("0.9", P90SuccessAt), ("0.99", P99SuccessAt), ("1", OldestSuccessAt) }
            .Where(q => q.Item2 is not null)
            .Select(q => (q.Item1, q.Item2!.Value));

    /// <summary>The enabled boards in each state, every state named even when none is in it; they add up to <see cref="Enabled"/>.</summary>
    public IEnumerable<(string State, int Boards)> BoardsByState() =>
        [(BoardStates.Ok, Ok), (BoardStates.Empty, Empty), (BoardStates.Failing, Failing), (BoardStates.Blocked, Blocked), (BoardStates.Gone, Gone)];
}
