using System.ComponentModel.DataAnnotations;

namespace Ingestor.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// How often each replica looks for boards whose next poll is due (and, while polls run, the longest it waits before looking
    /// again); also how often the freshness metrics are refreshed. Each board's own interval lives in <c>boards.poll_interval</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Scheduling:SweepInterval must be between 1 second and 1 day")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claimed board is held by the replica polling it. The poll's end schedules the next poll and releases the
    /// board; a replica that dies mid-poll releases nothing, and its boards are due again when the lease ends. Longer than the
    /// longest poll (a poll that outlasts its lease may be polled twice, which is safe but wasteful).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Scheduling:ClaimLease must be between 1 second and 1 day")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Keep Quartz's own state in PostgreSQL (AdoJobStore, clustered) so that several replicas share one schedule.
    /// Polls stay safe without it: boards are claimed with <c>FOR UPDATE SKIP LOCKED</c> and each poll is one transaction.
    /// </summary>
    public bool Clustered { get; set; }
}
