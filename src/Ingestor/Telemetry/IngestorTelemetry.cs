using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ingestor.Telemetry;

/// <summary>
/// The service's one meter and one activity source. On <c>/metrics</c> the meter's name prefixes each instrument:
/// <c>ingestor_polls</c>, <c>ingestor_posting_events</c>, <c>ingestor_poll_duration</c>, <c>ingestor_payload_bytes</c>,
/// <c>ingestor_archived_bytes</c>.
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

    public static readonly Histogram<double> PollSeconds = Meter.CreateHistogram<double>("poll.duration", unit: "s", description: "Time to fetch, archive and record one board");

    public static readonly Counter<long> PayloadBytes = Meter.CreateCounter<long>("payload.bytes", unit: "By", description: "Payload bytes fetched, decoded");

    public static readonly Counter<long> ArchivedBytes = Meter.CreateCounter<long>("archived.bytes", unit: "By", description: "Bytes written to the archive, compressed");
}
