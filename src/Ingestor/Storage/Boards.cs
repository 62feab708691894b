using Dapper;
using Ingestor.Providers;
using Ingestor.Scheduling;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>The registry of boards to poll and the bookkeeping of their polls.</summary>
public sealed class Boards(NpgsqlDataSource database, IOptions<SchedulingOptions> options)
{
    // The applied payload's SHA-256 is its poll's: the board keeps that poll, not the hash.
    private const string Columns =
        "source_id, provider, board_token, etag, last_modified, listing_sha256, " +
        "(select payload_sha256 from polls where poll_id = boards.snapshot_poll_id) as payload_sha256";

    public async Task<BoardRef> RegisterAsync(BoardName board, CancellationToken cancellationToken) =>
        (await RegisterAsync([board], cancellationToken)).Single();

    /// <summary>
    /// Registers boards not yet known, in one statement however many, and returns each once; known boards keep their settings
    /// and their spelling (a board named in another case is the board already known).
    /// </summary>
    public async Task<IReadOnlyList<BoardRef>> RegisterAsync(IReadOnlyCollection<BoardName> boards, CancellationToken cancellationToken)
    {
        if (boards.Count == 0)
            return [];
        var distinct = boards.DistinctBy(b => (b.Provider, b.Token.ToLowerInvariant())).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<BoardRef>(
            $"""
            insert into boards (provider, board_token)
            select provider, board_token from unnest(@Providers, @BoardTokens) as named (provider, board_token)
            on conflict (provider, lower(board_token)) do update set board_token = boards.board_token
            returning {Columns}
            """, new { Providers = distinct.Select(b => b.Provider).ToArray(), BoardTokens = distinct.Select(b => b.Token).ToArray() })];
    }

    /// <summary>
    /// Registers a list of boards of any providers in one statement however long; boards already known are left as they are.
    /// Returns how many were new.
    /// </summary>
    public async Task<int> AddAsync(IReadOnlyCollection<BoardName> boards, CancellationToken cancellationToken)
    {
        if (boards.Count == 0)
            return 0;
        var distinct = boards.DistinctBy(b => (b.Provider, b.Token.ToLowerInvariant())).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            insert into boards (provider, board_token)
            select provider, board_token from unnest(@Providers, @BoardTokens) as listed (provider, board_token)
            on conflict (provider, lower(board_token)) do nothing
            """, new { Providers = distinct.Select(b => b.Provider).ToArray(), BoardTokens = distinct.Select(b => b.Token).ToArray() });
    }

    public async Task<IReadOnlyList<BoardRef>> EnabledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<BoardRef>($"select {Columns} from boards where enabled order by provider, board_token")];
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> enabled boards whose next poll is due, oldest due first, for <paramref name="lease"/>:
    /// until the poll ends (<see cref="NextPollSql"/>) or the lease runs out, the board is not claimed again. Replicas claiming
    /// at once skip each other's rows. Each board comes back with the time it was due, for the lag between due and polled.
    /// </summary>
    /// <remarks>
    /// A claim writes only the claim, two adjacent columns, so its WAL record holds those and not the row from
    /// <c>next_poll_at</c> to them (board farm, pg_waldump: 388 bytes a claim when it moved <c>next_poll_at</c> too). The board
    /// stays due meanwhile: a replica killed mid-poll leaves it to the next claim once its lease ends.
    /// </remarks>
    public async Task<IReadOnlyList<DueBoard>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // The board's columns, then the time it was due: one row read as the two.
        return [.. await connection.QueryAsync<BoardRef, DateTime, DueBoard>(
            $"""
            update boards set claimed_until = now() + @Lease, claimed_by = @Replica
            where source_id in (
                select source_id from boards
                where enabled and next_poll_at <= now() and (claimed_until is null or claimed_until <= now())
                order by next_poll_at
                limit @Limit
                for update skip locked)
            returning {Columns}, next_poll_at as due_at
            """, (board, dueAt) => new DueBoard(board, dueAt), new { Limit = limit, Lease = lease, Replica }, splitOn: "due_at")];
    }

    /// <summary>
    /// Gives back the claims of boards this replica did not start polling, as a poll's end does (<see cref="NextPollSql"/>):
    /// another replica's live claim is left alone, and the next claim, of any replica, takes the rest.
    /// </summary>
    public async Task ReleaseClaimsAsync(IReadOnlyList<Guid> sourceIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"update boards set {ReleaseClaimSql} where source_id = any(@SourceIds)", new { SourceIds = sourceIds.ToArray(), Replica });
    }

    /// <summary>
    /// Gives back every claim this replica holds. Between its sweeps it polls nothing, so any it holds then was left by a poll
    /// that could not record its end (the database gone mid-poll), and would keep the board waiting out the lease.
    /// </summary>
    public async Task ReleaseOwnClaimsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            new CommandDefinition($"update boards set {ReleaseClaimSql} where claimed_by = @Replica", new { Replica }, cancellationToken: cancellationToken));
    }

    /// <summary>This process, as <c>boards.claimed_by</c> names it.</summary>
    public static readonly string Replica = $"{Environment.MachineName}/{Environment.ProcessId}";

    // ±10%, so boards registered together, or failing together, drift apart.
    private const string Jitter = "(0.9 + random() * 0.2)";

    // A poll that outlasted its lease finds its board claimed by another replica since: that replica's claim and next poll stand.
    private const string ClaimedByAnother = "(claimed_by is distinct from @Replica and claimed_until > now())";

    private const string ReleaseClaimSql =
        $"claimed_by = case when {ClaimedByAnother} then claimed_by end, claimed_until = case when {ClaimedByAnother} then claimed_until end";

    /// <summary>
    /// Every statement that ends a successful poll sets these on the board (with <c>@Replica</c> = <see cref="Replica"/>): its
    /// next poll one interval on, with jitter, and its claim released. A failed poll backs off instead
    /// (<see cref="BoardStatePolicy.Backoff"/>).
    /// </summary>
    internal const string NextPollSql =
        $"next_poll_at = case when {ClaimedByAnother} then next_poll_at else now() + poll_interval * {Jitter} end, {ReleaseClaimSql}";

    /// <summary>
    /// Every board with its health, in one statement: active postings are one grouped count, not a query per board.
    /// </summary>
    public async Task<IReadOnlyList<BoardHealth>> HealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<BoardHealth>(
            """
            select b.provider, b.board_token, b.enabled, b.state, b.last_outcome, b.consecutive_failures,
                   case when b.consecutive_failures > 0 then b.last_failure_status end as last_failure_status,
                   case when b.consecutive_failures > 0 then b.failing_since end as failing_since,
                   b.last_success_at, coalesce(active.postings, 0)::int as active_postings, b.next_poll_at
            from boards b
            left join (
                select source_id, count(*) as postings from posting_rows where status = 'active' group by source_id
            ) active on active.source_id = b.source_id
            order by b.provider, b.board_token
            """)];
    }

    /// <summary>How long ago the enabled boards last succeeded, as quantiles over all of them, and how many are in each state, in one statement.</summary>
    public async Task<BoardFreshness> FreshnessAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Newest first, so the quantile q of success times is the quantile q of ages.
        return await connection.QuerySingleAsync<BoardFreshness>(
            """
            select count(*)::int as enabled,
                   count(*) filter (where last_success_at is null)::int as never_succeeded,
                   count(*) filter (where state = 'ok')::int as ok,
                   count(*) filter (where state = 'empty')::int as empty,
                   count(*) filter (where state = 'failing')::int as failing,
                   count(*) filter (where state = 'blocked')::int as blocked,
                   count(*) filter (where state = 'gone')::int as gone,
                   percentile_disc(0.5) within group (order by coalesce(last_success_at, created_at) desc) as p50_success_at,
                   percentile_disc(0.9) within group (order by coalesce(last_success_at, created_at) desc) as p90_success_at,
                   percentile_disc(0.99) within group (order by coalesce(last_success_at, created_at) desc) as p99_success_at,
                   min(coalesce(last_success_at, created_at)) as oldest_success_at
            from boards
            where enabled
            """);
    }

    /// <summary>
    /// Records a poll that changed no posting (the fetch, the archive or the payload failed) and, in the same statement, the
    /// board's state and backoff decided from it (<see cref="BoardStatePolicy"/>). The poll that confirms the board gone closes
    /// its active postings as <c>board_gone</c>, with the 404 polls as evidence; the returned poll counts them.
    /// </summary>
    /// <param name="backOff">False for a failure of ours (the archive or the database), which the board is not made to wait for.</param>
    public async Task<PollRecord> RecordFailureAsync(PollRecord poll, bool backOff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var run = await connection.QuerySingleAsync<FailureRun>(
            """
            select state, consecutive_failures, failing_since, not_found_since, not_found_polls, poll_interval
            from boards where source_id = @SourceId for update
            """, new { poll.SourceId }, transaction);
        var verdict = BoardStatePolicy.AfterFailure(run, poll.HttpStatus, poll.StartedAt.UtcDateTime, options.Value, backOff);

        var parameters = new DynamicParameters(poll);
        parameters.AddDynamicParams(new
        {
            verdict.State, verdict.ConsecutiveFailures, verdict.FailingSince, verdict.NotFoundSince, verdict.NotFoundPolls, verdict.NextPollIn,
            verdict.ClosesPostings, ClosedAt = poll.ObservedAt ?? poll.FinishedAt, Replica,
        });
        var recordSql = $"{PostingStore.InsertPollSql};\n{UpdateFailedBoardSql}";
        // Only the poll that confirms the board gone touches its postings (and takes their tables' locks).
        if (!verdict.ClosesPostings)
        {
            await connection.ExecuteAsync(recordSql, parameters, transaction);
            await transaction.CommitAsync(cancellationToken);
            return poll;
        }
        var closed = await connection.ExecuteScalarAsync<int>($"{recordSql};\n{CloseGoneBoardSql}", parameters, transaction);
        await transaction.CommitAsync(cancellationToken);
        return poll with { Closed = closed };
    }

    private const string UpdateFailedBoardSql =
        $"""
        update boards set
            last_poll_at = @FinishedAt, last_outcome = @Outcome, last_error = @Error,
            consecutive_failures = @ConsecutiveFailures, state = @State, failing_since = @FailingSince,
            last_failure_status = @HttpStatus, not_found_since = @NotFoundSince, not_found_polls = @NotFoundPolls,
            pending_closes = case when @ClosesPostings then jsonb_build_object() else pending_closes end,
            next_poll_at = case when {ClaimedByAnother} then next_poll_at else now() + @NextPollIn * {Jitter} end, {ReleaseClaimSql}
        where source_id = @SourceId
        """;

    // A gone board's postings close as a close from a snapshot does: each leaves the board's latest snapshot keeping its last
    // sighting, and its event names the snapshot it was last listed in. The evidence is the run of 404 polls, this one included.
    private const string CloseGoneBoardSql =
        """
        with closed as (
            update posting_rows p set status = 'inactive', inactive_at = @ClosedAt, last_checked_at = @ClosedAt, in_latest_snapshot = false,
                last_seen_at = case when p.in_latest_snapshot then b.last_snapshot_at else p.last_seen_at end,
                raw_payload_uri = case when p.in_latest_snapshot then b.snapshot_uri else p.raw_payload_uri end
            from boards b
            where b.source_id = @SourceId and p.source_id = b.source_id and p.status = 'active'
            returning p.job_id, p.content_hash, p.source_hash, coalesce(b.snapshot_uri, p.raw_payload_uri) as snapshot_uri
        ), evidence as (
            select jsonb_build_object(
                       'status', 404, 'first_404_at', @NotFoundSince,
                       'polls', jsonb_agg(poll_id order by started_at)) as evidence
            from polls
            where source_id = @SourceId and http_status = 404 and outcome = 'failed' and started_at >= @NotFoundSince
        ), events as (
            insert into job_events (job_id, poll_id, event_type, occurred_at, content_hash, source_hash, status_after, raw_payload_uri,
                                    closed_reason, evidence)
            select c.job_id, @PollId, 'closed', @ClosedAt, c.content_hash, c.source_hash, 'inactive', c.snapshot_uri, 'board_gone', e.evidence
            from closed c cross join evidence e
        )
        update polls set closed = (select count(*) from closed) where poll_id = @PollId
        returning closed
        """;
}
