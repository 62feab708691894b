namespace Ingestor.Reconciliation;

public enum PostingChange
{
    /// <summary>First sight of the posting key.</summary>
    Opened,
    /// <summary>Active, and what a reader sees changed.</summary>
    Updated,
    /// <summary>Was inactive, seen again.</summary>
    Reopened,
    /// <summary>Only volatile source fields changed (e.g. <c>updated_at</c>): the stored source copy is refreshed, no event.</summary>
    Refreshed,
    /// <summary>Sent again as it was.</summary>
    Unchanged,
}

public sealed record PlannedPosting(string JobId, PostingChange Change, IReadOnlyList<string> ChangedFields)
{
    public string? EventType => Change switch
    {
        PostingChange.Opened => "opened",
        PostingChange.Updated => "updated",
        PostingChange.Reopened => "reopened",
        _ => null,
    };

    /// <summary>Whether the whole row is written, not only its last-seen timestamps.</summary>
    public bool RewritesRow => Change is not PostingChange.Unchanged;
}

/// <summary>
/// The decision for one board poll: what happens to each posting seen, which active postings close and why, and why closes
/// were held back when they were. <see cref="Unlisted"/> left the board's latest snapshot (closed or not): their last
/// sighting becomes their own. <see cref="Relisted"/> are back in it without any other change to their row.
/// <see cref="PendingCloses"/> are missing and not closed: the board keeps them (job id → the poll that first missed them)
/// for the next poll's <see cref="CloseEvidence"/>.
/// </summary>
public sealed record ReconcilePlan(
    IReadOnlyList<PlannedPosting> Seen, IReadOnlyList<PlannedClose> Closed, string? ClosesHeldBecause, IReadOnlyList<string> Unlisted,
    IReadOnlyList<string> Relisted, IReadOnlyDictionary<string, Guid> PendingCloses)
{
    public int Count(PostingChange change) => Seen.Count(p => p.Change == change);
}
