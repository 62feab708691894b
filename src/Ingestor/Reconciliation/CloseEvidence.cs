namespace Ingestor.Reconciliation;

/// <summary>
/// What a poll knows of the postings its snapshot lacks, beyond the snapshot: the ones already missing from an earlier
/// complete snapshot (<see cref="Pending"/>: job id → the poll that first missed them) and what the own endpoints of some
/// said when asked (<see cref="Checked"/>).
/// </summary>
public sealed record CloseEvidence(Guid PollId, IReadOnlyDictionary<string, Guid> Pending, IReadOnlyDictionary<string, JobPresence> Checked)
{
    public static CloseEvidence None(Guid pollId) => new(pollId, new Dictionary<string, Guid>(), new Dictionary<string, JobPresence>());
}
