using System.ComponentModel.DataAnnotations;

namespace Ingestor.Polling;

public sealed class PollingOptions
{
    public const string Section = "Polling";

    /// <summary>
    /// Boards registered at start-up (idempotent), so a deployment can declare its boards in configuration: <c>provider:token</c>,
    /// or a bare Greenhouse token.
    /// </summary>
    public string[] Boards { get; set; } = [];

    /// <summary>
    /// Boards polled at once per replica (fetching, archiving, normalizing or writing); the rest wait. Politeness to a provider
    /// is the host's own limit (<c>Greenhouse:MaxConcurrentRequests</c>, <c>Greenhouse:MaxRequestsPerSecond</c>), so this is
    /// sized for throughput: 10 polls a second of about a second each need about 10 slots.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Polling:MaxConcurrentBoards must be between 1 and 64")]
    public int MaxConcurrentBoards { get; set; } = 16;

    /// <summary>
    /// Megabytes of changed payloads this replica reads, normalizes and writes at once. A changed payload is held, parsed and
    /// normalized until its transaction commits, at several times its size: this, not the count of boards, bounds the memory
    /// of a replica opening many large boards. A payload larger than the whole budget goes alone. Fewer polls in flight also
    /// leave the GC less to carry through each collection: at 4 rather than 8 (with the image's 32 MB gen0 budget), a first
    /// sweep of the board farm took 15% less CPU in the same memory.
    /// </summary>
    [Range(1, 4096, ErrorMessage = "Polling:MaxChangedMegabytesInFlight must be between 1 and 4096")]
    public int MaxChangedMegabytesInFlight { get; set; } = 4;

    /// <summary>A complete snapshot that lacks more than this share of a board's active postings is called out as partial while its closes wait…</summary>
    [Range(0.0, 1.0, ErrorMessage = "Polling:MaxCloseFraction must be between 0 and 1")]
    public double MaxCloseFraction { get; set; } = 0.5;

    /// <summary>…when the board has at least this many active postings.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Polling:MinActiveForCloseGuard must be at least 1")]
    public int MinActiveForCloseGuard { get; set; } = 10;

    /// <summary>
    /// Postings a poll asks about at their own endpoint (where the provider has one) before they close on their absence from a
    /// complete list; the rest close only when missing from the next complete list too. 0 turns the checks off.
    /// </summary>
    [Range(0, 1000, ErrorMessage = "Polling:CloseChecksPerPoll must be between 0 and 1000")]
    public int CloseChecksPerPoll { get; set; } = 10;

    /// <summary>How long one such check may take; one without an answer by then settles nothing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Polling:CloseCheckTimeout must be between 1 second and 5 minutes")]
    public TimeSpan CloseCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A new posting the same as one of the company's that closed at most this long before (same title, place, department,
    /// team and description) is linked to it as its repost. 0 turns linking off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00", ErrorMessage = "Polling:RepostWindow must be between 0 and 365 days")]
    public TimeSpan RepostWindow { get; set; } = TimeSpan.FromDays(30);
}
