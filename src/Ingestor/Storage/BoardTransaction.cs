using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Ingestor.Normalization;
using Ingestor.Reconciliation;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// One board poll's transaction, holding the board's row lock: what the board holds, then the decision
/// (<see cref="Reconciler"/>) and every write in one batch, whatever the number of postings. Disposed uncommitted, it
/// rolls back and changes nothing.
/// </summary>
public sealed class BoardTransaction : IAsyncDisposable
{
    internal sealed record BoardState(Guid? OrgId, DateTime? LastSnapshotAt, bool ClosesHeld);

    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly BoardRef _board;
    private readonly BoardState _state;
    private readonly ClosePolicy _closePolicy;
    private readonly TimeProvider _clock;

    internal BoardTransaction(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BoardRef board, BoardState state,
        IReadOnlyDictionary<string, StoredPosting> stored, ClosePolicy closePolicy, TimeProvider clock)
    {
        _connection = connection;
        _transaction = transaction;
        _board = board;
        _state = state;
        Stored = stored;
        _closePolicy = closePolicy;
        _clock = clock;
    }

    public IReadOnlyDictionary<string, StoredPosting> Stored { get; }

    /// <summary>Whether a newer snapshot of the board was applied already (a slower poll finishing after a faster one).</summary>
    public bool IsSupersededAt(DateTimeOffset observedAt) => _state.LastSnapshotAt >= observedAt.UtcDateTime;

    /// <summary>Whether the board holds this posting, active, exactly as sent now: nothing about it needs deriving again.</summary>
    public bool HoldsUnchanged(string jobId, string sourceHash) =>
        Stored.TryGetValue(jobId, out var stored) && stored.IsActive && stored.SourceHash == sourceHash;

    public async Task<PollRecord> ApplyAsync(ObservedSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (IsSupersededAt(snapshot.ObservedAt))
        {
            var superseded = Record(snapshot, PollOutcome.Superseded, "a newer snapshot of this board was applied first", null);
            await PostingStore.InsertPollAsync(_connection, _transaction, superseded);
            await _transaction.CommitAsync(cancellationToken);
            return superseded;
        }

        var plan = Reconciler.Plan([.. snapshot.Postings.Select(Seen)], [.. Stored.Values], snapshot.IsComplete, _state.ClosesHeld, _closePolicy);
        var normalized = snapshot.Postings.Where(p => p.Normalized is not null).ToDictionary(p => p.JobId, p => p.Normalized!);
        var orgId = _state.OrgId ?? await EnsureOrgAsync([.. normalized.Values]);

        var problems = snapshot.Problems.ToList();
        if (!snapshot.IsComplete)
            problems.Insert(0, $"incomplete snapshot ({snapshot.Postings.Count} of {snapshot.DeclaredTotal?.ToString() ?? "?"} jobs): nothing closed");
        if (plan.ClosesHeldBecause is { } held)
            problems.Insert(0, held);
        var outcome = problems.Count == 0 ? PollOutcome.Succeeded : PollOutcome.Partial;
        var poll = Record(snapshot, outcome, problems.Count == 0 ? null : string.Join("; ", problems), plan);

        var rows = plan.Seen.Where(p => p.RewritesRow).Select(p => Row(normalized[p.JobId], orgId, snapshot));
        var events = plan.Seen.Where(p => p.EventType is not null)
            .Select(p => new { job_id = p.JobId, event_type = p.EventType, changed_fields = p.ChangedFields.Count > 0 ? p.ChangedFields : null })
            .Concat(plan.Closed.Select(id => new { job_id = id, event_type = (string?)"closed", changed_fields = (IReadOnlyList<string>?)null }));

        var parameters = new DynamicParameters(poll);
        parameters.AddDynamicParams(new
        {
            snapshot.ObservedAt,
            Rows = new JsonArray([.. rows]).ToJsonString(),
            UnchangedIds = plan.Seen.Where(p => !p.RewritesRow).Select(p => p.JobId).ToArray(),
            ClosedIds = plan.Closed.ToArray(),
            Events = JsonSerializer.Serialize(events),
            ClosesHeld = plan.ClosesHeldBecause is not null,
        });
        await _connection.ExecuteAsync(WriteSql, parameters, _transaction);
        await _transaction.CommitAsync(cancellationToken);
        return poll;
    }

    // A posting sent exactly as stored is seen through its stored fingerprints; any other was normalized for this poll.
    private SeenPosting Seen(SnapshotPosting posting) => posting.Normalized is { } normalized
        ? new SeenPosting(normalized.JobId, normalized.ContentHash, normalized.SourceHash, normalized.FieldHashes)
        : HoldsUnchanged(posting.JobId, posting.SourceHash) && Stored[posting.JobId] is var stored
            ? new SeenPosting(stored.JobId, stored.ContentHash, stored.SourceHash, stored.FieldHashes)
            : throw new InvalidOperationException($"posting {posting.JobId} was not normalized, yet the board does not hold it unchanged");

    private const string WriteSql =
        $"""
        insert into postings as p
        select * from jsonb_populate_recordset(null::postings, @Rows::jsonb)
        on conflict (job_id) do update set
            company_name = excluded.company_name, title = excluded.title, normalized_title = excluded.normalized_title,
            status = 'active', inactive_at = null,
            location_text = excluded.location_text, city = excluded.city, region = excluded.region, country = excluded.country,
            country_code = excluded.country_code, is_remote = excluded.is_remote, workplace_type = excluded.workplace_type,
            remote_policy = excluded.remote_policy, department = excluded.department, team = excluded.team,
            employment_type = excluded.employment_type, salary_raw = excluded.salary_raw, salary_min = excluded.salary_min,
            salary_max = excluded.salary_max, salary_currency = excluded.salary_currency, salary_period = excluded.salary_period,
            source_url = excluded.source_url, apply_url = excluded.apply_url, language = excluded.language,
            last_seen_at = excluded.last_seen_at, last_checked_at = excluded.last_checked_at,
            last_changed_at = case when p.content_hash = excluded.content_hash then p.last_changed_at else excluded.last_changed_at end,
            source_posted_at = excluded.source_posted_at, source_updated_at = excluded.source_updated_at,
            raw_payload_uri = excluded.raw_payload_uri, content_hash = excluded.content_hash, source_hash = excluded.source_hash,
            field_hashes = excluded.field_hashes, native = excluded.native, description_html = excluded.description_html,
            description_text = excluded.description_text, parsed = excluded.parsed;

        update postings set last_seen_at = @ObservedAt, last_checked_at = @ObservedAt, raw_payload_uri = @RawPayloadUri
        where job_id = any(@UnchangedIds);

        update postings set status = 'inactive', inactive_at = @ObservedAt, last_checked_at = @ObservedAt
        where job_id = any(@ClosedIds) and status = 'active';

        {PostingStore.InsertPollSql};

        insert into job_events (job_id, poll_id, event_type, occurred_at, content_hash, source_hash, status_after, raw_payload_uri, changed_fields)
        select p.job_id, @PollId, e.event_type, @ObservedAt, p.content_hash, p.source_hash, p.status, @RawPayloadUri, e.changed_fields
        from jsonb_to_recordset(@Events::jsonb) as e (job_id text, event_type text, changed_fields text[])
        join postings p on p.job_id = e.job_id;

        update boards set
            last_poll_at = @ObservedAt, last_success_at = @ObservedAt, last_outcome = @Outcome, last_error = @Error,
            consecutive_failures = 0, last_snapshot_at = @ObservedAt, closes_held = @ClosesHeld
        where source_id = @SourceId;
        """;

    /// <summary>The company behind the board, named by its first posting's company name; created with the board's first postings.</summary>
    private async Task<Guid?> EnsureOrgAsync(IReadOnlyList<NormalizedPosting> postings)
    {
        if (postings.Count == 0)
            return null;
        var name = postings.Select(p => p.CompanyName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? _board.BoardToken;
        return await _connection.ExecuteScalarAsync<Guid>(
            """
            with org as (
                insert into orgs (name) values (@Name)
                on conflict (name) do update set name = excluded.name
                returning org_id
            )
            update boards set org_id = (select org_id from org) where source_id = @SourceId returning org_id
            """, new { Name = name, _board.SourceId }, _transaction);
    }

    private JsonObject Row(NormalizedPosting posting, Guid? orgId, ObservedSnapshot snapshot)
    {
        var row = JsonSerializer.SerializeToNode(posting, RowJson)!.AsObject();
        row["org_id"] = orgId;
        row["source_id"] = _board.SourceId;
        row["status"] = "active";
        foreach (var column in new[] { "first_seen_at", "last_seen_at", "last_checked_at", "last_changed_at" })
            row[column] = snapshot.ObservedAt;
        row["raw_payload_uri"] = snapshot.RawPayloadUri;
        row["parsed"]!["inferred_at"] = _clock.GetUtcNow();
        return row;
    }

    private PollRecord Record(ObservedSnapshot snapshot, string outcome, string? error, ReconcilePlan? plan) => new(
        snapshot.PollId, _board.SourceId, snapshot.StartedAt, _clock.GetUtcNow(), snapshot.HttpStatus, snapshot.PayloadSha256,
        snapshot.PayloadBytes, snapshot.RawPayloadUri, outcome, error, snapshot.Postings.Count, snapshot.DeclaredTotal,
        plan?.Count(PostingChange.Opened) ?? 0, plan?.Count(PostingChange.Updated) ?? 0, plan?.Count(PostingChange.Reopened) ?? 0,
        plan?.Closed.Count ?? 0, plan is null ? 0 : plan.Count(PostingChange.Unchanged) + plan.Count(PostingChange.Refreshed));

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
