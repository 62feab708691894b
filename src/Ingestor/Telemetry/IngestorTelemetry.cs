using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ingestor.Storage;

namespace Ingestor.Telemetry;

/// <summary>
/// The service's one meter and one activity source. On <c>/metrics</c> the meter's name prefixes each instrument:
/// <c>ingestor_polls</c>, <c>ingestor_posting_events</c>, <c>ingestor_poll_duration</c>, <c>ingestor_payload_bytes</c>,
/// <c>ingestor_archived_bytes</c>, <c>ingestor_polls_pruned</c>, <c>ingestor_poll_start_lag</c>, <c>ingestor_board_success_age</c>, <c>ingestor_boards</c>.
/// </summary>
public static class IngestorTelemetry
{
    public const string Name = "Ingestor";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>
    /// Board polls, tagged by outcome (succeeded, partial, failed, superseded) and payload (unchanged: recorded in one statement;
    /// changed; none). Not by board: thousands of boards would make thousands of series; board health is in the database.
    /// </summary>
    public static readonly Counter<long> Polls = Meter.CreateCounter<long>("polls", description: "Board polls by outcome and payload");

    /// <summary>Lifecycle events written: opened, updated, closed, reopened.</summary>
    public static readonly Counter<long> PostingEvents = Meter.CreateCounter<long>("posting.events", description: "Posting lifecycle events by type");

    /// <summary>
    /// A posting's own endpoint asked before it closes on absence, by what it answered: gone (the close is confirmed), present
    /// (the list left it out) or unknown.
    /// </summary>
    public static readonly Counter<long> CloseChecks = Meter.CreateCounter<long>("close.checks", description: "Job endpoints asked before a close, by presence");

    public static readonly Histogram<double> PollSeconds = Meter.CreateHistogram<double>("poll.duration", unit: "s", description: "Time to fetch, archive and record one board");

    public static readonly Counter<long> PayloadBytes = Meter.CreateCounter<long>("payload.bytes", unit: "By", description: "Payload bytes fetched, decoded");

    public static readonly Counter<long> ArchivedBytes = Meter.CreateCounter<long>("archived.bytes", unit: "By", description: "Bytes written to the archive, compressed");

    /// <summary>Polls deleted once past <c>Retention:Polls</c> (<see cref="PollRetention"/>).</summary>
    public static readonly Counter<long> PollsPruned = Meter.CreateCounter<long>("polls.pruned", description: "Polls deleted once past their retention");

    /// <summary>From the time a board's poll was due (<c>next_poll_at</c> when claimed) to the time its poll started.</summary>
    public static readonly Histogram<double> PollStartLag = Meter.CreateHistogram<double>(
        "poll.start.lag", unit: "s", description: "Time from a board's due time to the start of its poll");

    private static BoardFreshnessReading? _freshness;

    /// <summary>
    /// How long ago the enabled boards last succeeded, at quantiles over all of them (tag <c>quantile</c>: 0.5, 0.9, 0.99, and
    /// 1 for the oldest); one series per quantile, never one per board. Ages are taken at each collection from the success
    /// times last read, so they keep growing if the readings stop.
    /// </summary>
    public static readonly ObservableGauge<double> BoardSuccessAge = Meter.CreateObservableGauge(
        "board.success.age", () => _freshness?.Ages() ?? [], unit: "s",
        description: "Age of the last successful poll of enabled boards, by quantile over the boards");

    /// <summary>
    /// Enabled boards by <c>state</c>: each board's state (ok, empty, failing, blocked, gone; these add up to the enabled boards),
    /// and two totals: enabled, and never_succeeded (in any state). From the same reading.
    /// </summary>
    public static readonly ObservableGauge<int> Boards = Meter.CreateObservableGauge(
        "boards", () => _freshness?.Counts() ?? [], description: "Enabled boards by state, all enabled boards and those never polled successfully");

    /// <summary>Publishes a freshness reading; the gauges report the latest one, ages against <paramref name="clock"/>.</summary>
    public static void Publish(BoardFreshness freshness, TimeProvider clock) => Volatile.Write(ref _freshness, new BoardFreshnessReading(freshness, clock));

    private sealed record BoardFreshnessReading(BoardFreshness Freshness, TimeProvider Clock)
    {
        public IEnumerable<Measurement<double>> Ages()
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            return Freshness.SuccessAtByQuantile().Select(q =>
                new Measurement<double>(Math.Max(0, (now - q.SuccessAt).TotalSeconds), new KeyValuePair<string, object?>("quantile", q.Quantile)));
        }

        public IEnumerable<Measurement<int>> Counts() =>
        [
            new(Freshness.Enabled, new KeyValuePair<string, object?>("state", "enabled")),
            new(Freshness.NeverSucceeded, new KeyValuePair<string, object?>("state", "never_succeeded")),
            .. Freshness.BoardsByState().Select(s => new Measurement<int>(s.Boards, new KeyValuePair<string, object?>("state", s.State))),
        ];
    }
}
