using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dapper;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>Reads postings back as complete records: the row, its native object and parsed fields, and its events oldest first.</summary>
public sealed class PostingRecords(NpgsqlDataSource database)
{
    // Oldest first; events of one poll share their time, so the event id breaks the tie in the order they were written.
    private const string EventOrder = "occurred_at, event_id";

    /// <summary>A posting's row and its events, as --show prints them: every column of an event but txid, the change feed's internal order.</summary>
    public async Task<JsonObject?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var record = await connection.QuerySingleOrDefaultAsync<string>(
            $"""
            select json_build_object(
                'posting', row_to_json(p),
                'events', (select coalesce(json_agg(row_to_json(e) order by {EventOrder}), '[]')
                           from (select event_id, job_id, poll_id, event_type, occurred_at, content_hash, source_hash,
                                        status_after, raw_payload_uri, changed_fields, closed_reason, evidence, reposted_from
                                 from job_events where job_id = p.job_id) e))::text
            from postings p where p.job_id = @JobId
            """, new { JobId = jobId.Trim().ToLowerInvariant() });
        return record is null ? null : JsonNode.Parse(record)!.AsObject();
    }

    /// <summary>
    /// One posting as readers see it, from the view <c>postings</c> (whose last-seen times and payload are the board's while
    /// the posting is listed in its latest snapshot). Native and parsed are their JSON text.
    /// </summary>
    public sealed record Posting
    {
        public required string JobId { get; init; }
        public required Guid OrgId { get; init; }
        public required Guid SourceId { get; init; }
        public required string Provider { get; init; }
        public required string ProviderJobKey { get; init; }
        public string? CompanyName { get; init; }
        public required string Title { get; init; }
        public string? NormalizedTitle { get; init; }
        public required string Status { get; init; }
        public string? LocationText { get; init; }
        public string? City { get; init; }
        public string? Region { get; init; }
        public string? Country { get; init; }
        public string? CountryCode { get; init; }
        public required bool IsRemote { get; init; }
        public string? WorkplaceType { get; init; }
        public string? RemotePolicy { get; init; }
        public string? Department { get; init; }
        public string? Team { get; init; }
        public string? EmploymentType { get; init; }
        public string? SalaryRaw { get; init; }
        public decimal? SalaryMin { get; init; }
        public decimal? SalaryMax { get; init; }
        public string? SalaryCurrency { get; init; }
        public string? SalaryPeriod { get; init; }
        public string? SourceUrl { get; init; }
        public string? ApplyUrl { get; init; }
        public string? Language { get; init; }
        public required DateTime FirstSeenAt { get; init; }
        public required DateTime LastSeenAt { get; init; }
        public required DateTime LastCheckedAt { get; init; }
        public required DateTime LastChangedAt { get; init; }
        public DateTime? InactiveAt { get; init; }
        public DateTime? SourcePostedAt { get; init; }
        public DateTime? SourceUpdatedAt { get; init; }
        public required string RawPayloadUri { get; init; }
        public required string ContentHash { get; init; }
        public required string SourceHash { get; init; }
        public required string Parsed { get; init; }
        public required string Native { get; init; }
        public string? DescriptionText { get; init; }
        public string? DescriptionHtml { get; init; }
        public string? RepostedFrom { get; init; }
        public required string LineageId { get; init; }
        public required DateTime LineageFirstSeenAt { get; init; }
    }

    public async Task<Posting?> PostingAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Posting>(new CommandDefinition(
            $"""
            select {PostingColumns}, description_text, description_html
            from postings where job_id = @JobId
            """, new { JobId = jobId }, cancellationToken: cancellationToken));
    }

    /// <summary>The columns of <see cref="Posting"/> but its description, from the view <c>postings</c>.</summary>
    // trim_scale: a salary of 180000.00 reads as 180000, as the posting wrote it.
    internal const string PostingColumns =
        """
        job_id, org_id, source_id, provider, provider_job_key, company_name, title, normalized_title, status,
        location_text, city, region, country, country_code, is_remote, workplace_type, remote_policy, department, team,
        employment_type, salary_raw, trim_scale(salary_min) as salary_min, trim_scale(salary_max) as salary_max,
        salary_currency, salary_period, source_url, apply_url, language, first_seen_at, last_seen_at, last_checked_at,
        last_changed_at, inactive_at, source_posted_at, source_updated_at, raw_payload_uri, content_hash, source_hash,
        parsed::text as parsed, native::text as native, reposted_from, lineage_id, lineage_first_seen_at
        """;

    /// <summary>
    /// A lifecycle event of a posting, with the archived payload that proved it; a close says why (<c>confirmed_gone</c>,
    /// <c>absent_twice</c>, <c>board_gone</c>, or <c>absent</c> for closes decided before closes needed evidence) and what backs it.
    /// </summary>
    public record Event
    {
        public required long EventId { get; init; }
        public required string EventType { get; init; }
        public required DateTime OccurredAt { get; init; }
        public required string ContentHash { get; init; }
        public required string SourceHash { get; init; }
        public required string StatusAfter { get; init; }
        public required string RawPayloadUri { get; init; }
        public string[]? ChangedFields { get; init; }
        public string? ClosedReason { get; init; }

        /// <summary>On the opening of a repost: the posting it reposts.</summary>
        public string? RepostedFrom { get; init; }

        /// <summary>The polls whose snapshots lacked the posting, and its own endpoint's answer (url, status, checked_at) when asked.</summary>
        public JsonElement? Evidence => EvidenceJson is null ? null : JsonElement.Parse(EvidenceJson);

        [JsonIgnore]
        public string? EvidenceJson { get; init; }
    }

    /// <summary>The columns of <see cref="Event"/> as <c>job_events</c> aliased <paramref name="alias"/> holds them.</summary>
    internal static string EventColumns(string alias) =>
        $"{alias}.event_id, {alias}.event_type, {alias}.occurred_at, {alias}.content_hash, {alias}.source_hash, {alias}.status_after, " +
        $"{alias}.raw_payload_uri, {alias}.changed_fields, {alias}.closed_reason, {alias}.reposted_from, {alias}.evidence::text as evidence_json";

    /// <summary>The posting's events oldest first, or null when no posting has that id.</summary>
    public async Task<IReadOnlyList<Event>?> EventsAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One statement answers both questions: a posting always has its opening event, so no rows means no posting.
        var events = (await connection.QueryAsync<Event>(new CommandDefinition(
            $"""
            select {EventColumns("e")}
            from job_events e where e.job_id = @JobId
            order by {EventOrder}
            """, new { JobId = jobId }, cancellationToken: cancellationToken))).ToList();
        return events.Count == 0 ? null : events;
    }

    public sealed record Totals(int Boards, int Active, int Inactive, int Events);

    public async Task<Totals> TotalsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<Totals>(
            """
            select (select count(*)::int from boards) as boards,
                   (select count(*)::int from postings where status = 'active') as active,
                   (select count(*)::int from postings where status = 'inactive') as inactive,
                   (select count(*)::int from job_events) as events
            """);
    }
}
