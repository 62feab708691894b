using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ingestor.Telemetry;

/// <summary>
/// The service's one meter and one activity source. On <c>/metrics</c> the meter's name prefixes each instrument:
/// <c>ingestor_polls</c>, <c>ingestor_posting_events</c>, <c>ingestor_poll_duration</c>, <c>ingestor_payload_bytes</c>,
/// <c>ingestor_poll_start_lag</c>.
/// </summary>
public static class IngestorTelemetry
{
    public const string Name = "Ingestor";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Board polls, tagged by board and outcome (succeeded, partial, failed, superseded).</summary>
    public static readonly Counter<long> Polls = Meter.CreateCounter<long>("polls", description: "Board polls by outcome");

    /// <summary>Lifecycle events written: opened, updated, closed, reopened.</summary>
    public static readonly Counter<long> PostingEvents = Meter.CreateCounter<long>("posting.events", description: "Posting lifecycle events by type");

    public static readonly Histogram<double> PollSeconds = Meter.CreateHistogram<double>("poll.duration", unit: "s", description: "Time to fetch, archive and record one board");

    public static readonly Counter<long> PayloadBytes = Meter.CreateCounter<long>("payload.bytes", unit: "By", description: "Raw payload bytes fetched and archived");

    /// <summary>From the time a board's poll was due (<c>next_poll_at</c> when claimed) to the time its poll started.</summary>
    public static readonly Histogram<double> PollStartLag = Meter.CreateHistogram<double>(
        "poll.start.lag", unit: "s", description: "Time from a board's due time to the start of its poll");
}
