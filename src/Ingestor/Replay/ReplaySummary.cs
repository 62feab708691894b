namespace Ingestor.Replay;

/// <summary>
/// What a replay did so far: polls replayed (<see cref="Payloads"/> payload objects, <see cref="PollRecords"/> of them with a
/// poll record), postings read across them, events written, and the payloads the provider rejected (as it did live), by key.
/// </summary>
public sealed record ReplaySummary(
    int Polls, int PollRecords, long Postings, int Opened, int Updated, int Reopened, int Closed, IReadOnlyList<string> Rejected, TimeSpan Elapsed)
{
    public static readonly ReplaySummary Empty = new(0, 0, 0, 0, 0, 0, 0, [], TimeSpan.Zero);

    public double PollsPerSecond => Polls / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double PostingsPerSecond => Postings / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
