namespace Ingestor.Tests.Pipeline;

public sealed record PostingRow(
    string JobId, string ProviderJobKey, string Title, string Status, DateTime FirstSeenAt, DateTime LastSeenAt, DateTime LastCheckedAt,
    DateTime LastChangedAt, DateTime? InactiveAt, string RawPayloadUri, string ContentHash, string SourceHash);

// Properties rather than a constructor: Dapper hands text[] to constructors as System.Array.
public sealed record EventRow
{
    public required string JobId { get; init; }
    public required Guid PollId { get; init; }
    public required string EventType { get; init; }
    public required DateTime OccurredAt { get; init; }
    public required string StatusAfter { get; init; }
    public required string RawPayloadUri { get; init; }
    public string[]? ChangedFields { get; init; }
}

public static class Sql
{
    public const string Postings =
        """
        select job_id, provider_job_key, title, status, first_seen_at, last_seen_at, last_checked_at, last_changed_at, inactive_at,
               raw_payload_uri, content_hash, source_hash
        from postings order by provider_job_key
        """;

    public const string Events =
        "select job_id, poll_id, event_type, occurred_at, status_after, raw_payload_uri, changed_fields from job_events order by event_id";
}
