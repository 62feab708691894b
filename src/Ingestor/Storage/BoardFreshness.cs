namespace Ingestor.Storage;

/// <summary>
/// How fresh the enabled boards are, from one statement: how many there are, fail or never succeeded, and when the boards at
/// the 50th, 90th and 99th percentile of age, and the oldest, last succeeded. A board that never succeeded counts from its
/// registration. Times are UTC; null without enabled boards.
/// </summary>
public sealed record BoardFreshness(
    int Enabled,
    int Failing,
    int NeverSucceeded,
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
}
