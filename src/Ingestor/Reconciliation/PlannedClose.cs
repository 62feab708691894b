namespace Ingestor.Reconciliation;

public enum CloseReason
{
    /// <summary>The job's own endpoint answered that it is gone.</summary>
    ConfirmedGone,
    /// <summary>Missing from two complete snapshots in a row, with no check that said otherwise.</summary>
    AbsentTwice,
}

/// <summary>A posting that closes, why, and the poll that first missed it when that was an earlier one.</summary>
public sealed record PlannedClose(string JobId, CloseReason Reason, Guid? FirstMissedBy)
{
    /// <summary>As <c>job_events.closed_reason</c> stores it.</summary>
    public string ReasonName => Reason switch
    {
        CloseReason.ConfirmedGone => "confirmed_gone",
        _ => "absent_twice",
    };
}
