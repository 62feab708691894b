using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Ingestor.Normalization;
using Ingestor.Reconciliation;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// Reconciles one snapshot with the board's stored postings in one transaction and a fixed number of round trips:
/// lock the board and read its postings, decide (<see cref="Reconciler"/>), write every change in one batch.
/// </summary>
public sealed class PostingStore(NpgsqlDataSource database, ClosePolicy closePolicy, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record BoardState(Guid? OrgId, DateTime? LastSnapshotAt, bool ClosesHeld);

    private sealed record StoredRow(string JobId, bool IsActive, string ContentHash, string SourceHash, string FieldHashes);

    public async Task<PollRecord> ApplyAsync(BoardRef board, ObservedSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The row lock serializes polls of one board across replicas: a second firing of the same poll waits, then sees our result.
        using var read = await connection.QueryMultipleAsync(
            """
            select org_id, last_snapshot_at, closes_held from boards where source_id = @SourceId for update;
            select job_id, status = 'active' as is_active, content_hash, source_hash, field_hashes::text as field_hashes
            from postings where source_id = @SourceId;
            """, new { board.SourceId }, transaction);
        var state = await read.ReadSingleAsync<BoardState>();
        var stored = (await read.ReadAsync<StoredRow>()).Select(ToStoredPosting).ToList();

        if (state.LastSnapshotAt >= snapshot.ObservedAt.UtcDateTime)
        {
            var superseded = Record(board, snapshot, PollOutcome.Superseded, "a newer snapshot of this board was applied first", null);
            await InsertPollAsync(connection, transaction, superseded);
            await transaction.CommitAsync(cancellationToken);
            return superseded;
        }

        var seen = snapshot.Postings.Select(p => new SeenPosting(p.JobId, p.ContentHash, p.SourceHash, p.FieldHashes)).ToList();
        var plan = Reconciler.Plan(seen, stored, snapshot.IsComplete, state.ClosesHeld, closePolicy);
        var orgId = state.OrgId ?? await EnsureOrgAsync(connection, transaction, board, snapshot);

        var problems = snapshot.Problems.ToList();
        if (!snapshot.IsComplete)
            problems.Insert(0, $"incomplete snapshot ({snapshot.Postings.Count} of {snapshot.DeclaredTotal?.ToString() ?? "?"} jobs): nothing closed");
        if (plan.ClosesHeldBecause is { } held)
            problems.Insert(0, held);
        var outcome = problems.Count == 0 ? PollOutcome.Succeeded : PollOutcome.Partial;
        var poll = Record(board, snapshot, outcome, problems.Count == 0 ? null : string.Join("; ", problems), plan);

        var postingsById = snapshot.Postings.ToDictionary(p => p.JobId);
        var rows = plan.Seen.Where(p => p.RewritesRow).Select(p => Row(postingsById[p.JobId], orgId, board, snapshot));
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
        await connection.ExecuteAsync(WriteSql, parameters, transaction);

        await transaction.CommitAsync(cancellationToken);
        return poll;
    }

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

        {InsertPollSql};

        insert into job_events (job_id, poll_id, event_type, occurred_at, content_hash, source_hash, status_after, raw_payload_uri, changed_fields)
        select p.job_id, @PollId, e.event_type, @ObservedAt, p.content_hash, p.source_hash, p.status, @RawPayloadUri, e.changed_fields
        from jsonb_to_recordset(@Events::jsonb) as e (job_id text, event_type text, changed_fields text[])
        join postings p on p.job_id = e.job_id;

        update boards set
            last_poll_at = @ObservedAt, last_success_at = @ObservedAt, last_outcome = @Outcome, last_error = @Error,
            consecutive_failures = 0, last_snapshot_at = @ObservedAt, closes_held = @ClosesHeld
        where source_id = @SourceId;
        """;

    private static async Task<Guid?> EnsureOrgAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BoardRef board, ObservedSnapshot snapshot)
    {
        if (snapshot.Postings.Count == 0)
            return null;
        var name = snapshot.Postings.Select(p => p.CompanyName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? board.BoardToken;
        return await connection.ExecuteScalarAsync<Guid>(
            """
            with org as (
                insert into orgs (name) values (@Name)
                on conflict (name) do update set name = excluded.name
                returning org_id
            )
            update boards set org_id = (select org_id from org) where source_id = @SourceId returning org_id
            """, new { Name = name, board.SourceId }, transaction);
    }

    private JsonObject Row(NormalizedPosting posting, Guid? orgId, BoardRef board, ObservedSnapshot snapshot)
    {
        var row = JsonSerializer.SerializeToNode(posting, RowJson)!.AsObject();
        row["org_id"] = orgId;
        row["source_id"] = board.SourceId;
        row["status"] = "active";
        foreach (var column in new[] { "first_seen_at", "last_seen_at", "last_checked_at", "last_changed_at" })
            row[column] = snapshot.ObservedAt;
        row["raw_payload_uri"] = snapshot.RawPayloadUri;
        row["parsed"]!["inferred_at"] = clock.GetUtcNow();
        return row;
    }

    private PollRecord Record(BoardRef board, ObservedSnapshot snapshot, string outcome, string? error, ReconcilePlan? plan) => new(
        snapshot.PollId, board.SourceId, snapshot.StartedAt, clock.GetUtcNow(), snapshot.HttpStatus, snapshot.PayloadSha256,
        snapshot.PayloadBytes, snapshot.RawPayloadUri, outcome, error, snapshot.Postings.Count, snapshot.DeclaredTotal,
        plan?.Count(PostingChange.Opened) ?? 0, plan?.Count(PostingChange.Updated) ?? 0, plan?.Count(PostingChange.Reopened) ?? 0,
        plan?.Closed.Count ?? 0, plan is null ? 0 : plan.Count(PostingChange.Unchanged) + plan.Count(PostingChange.Refreshed));

    private const string InsertPollSql =
        """
        insert into polls (poll_id, source_id, started_at, finished_at, http_status, job_count, declared_total, payload_sha256,
                           payload_bytes, raw_payload_uri, outcome, error, opened, updated, reopened, closed, unchanged)
        values (@PollId, @SourceId, @StartedAt, @FinishedAt, @HttpStatus, @JobCount, @DeclaredTotal, @PayloadSha256,
                @PayloadBytes, @RawPayloadUri, @Outcome, @Error, @Opened, @Updated, @Reopened, @Closed, @Unchanged)
        """;

    internal static Task InsertPollAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PollRecord poll) =>
        connection.ExecuteAsync(InsertPollSql, poll, transaction);

    private static StoredPosting ToStoredPosting(StoredRow row) => new(
        row.JobId, row.IsActive, row.ContentHash, row.SourceHash,
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.FieldHashes) ?? []);
}
