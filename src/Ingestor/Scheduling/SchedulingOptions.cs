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
    /// The longest a failing, blocked or gone board waits between polls. Such a board's next poll is its interval doubled for
    /// each failure in a row after the first (<c>interval × 2^(failures-1)</c>), up to this; a success returns it to its interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Scheduling:MaxBackoff must be between 1 second and 7 days")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How many 404 polls in a row, at the least, confirm that a board is gone (with <see cref="GoneAfter"/>).</summary>
    [Range(2, 1000, ErrorMessage = "Scheduling:GoneAfterFailures must be between 2 and 1000")]
    public int GoneAfterFailures { get; set; } = 3;

    /// <summary>
    /// How long, at the least, from the first 404 of an unbroken run of them to a 404 that confirms the board gone (with
    /// <see cref="GoneAfterFailures"/>): a board that is down for an hour is failing, not gone, and keeps its postings.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Scheduling:GoneAfter must be between 0 and 30 days")]
    public TimeSpan GoneAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Keep Quartz's own state in PostgreSQL (AdoJobStore, clustered) so that several replicas share one schedule.
    /// Polls stay safe without it: boards are claimed with <c>FOR UPDATE SKIP LOCKED</c> and each poll is one transaction.
    /// </summary>
    public bool Clustered { get; set; }
}
