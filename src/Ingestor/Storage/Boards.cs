using Dapper;
using Ingestor.Providers;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>The registry of boards to poll and the bookkeeping of their polls.</summary>
public sealed class Boards(NpgsqlDataSource database)
{
    private const string Columns = "source_id, provider, board_token, etag, last_modified";

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
    /// until the poll ends (<see cref="NextPollSql"/>) or the lease runs out, the board is not due. Replicas claiming at once
    /// skip each other's rows. Each board comes back with the time it was due, for the lag between due and polled.
    /// </summary>
    public async Task<IReadOnlyList<DueBoard>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<DueBoard>(
            """
            update boards b set next_poll_at = now() + @Lease, claimed_until = now() + @Lease, claimed_by = @Replica
            from (
                select source_id, next_poll_at from boards
                where enabled and next_poll_at <= now()
                order by next_poll_at
                limit @Limit
                for update skip locked) due
            where b.source_id = due.source_id
            returning b.source_id, b.provider, b.board_token, b.etag, b.last_modified, due.next_poll_at as due_at
            """, new { Limit = limit, Lease = lease, Replica })];
    }

    /// <summary>This process, as <c>boards.claimed_by</c> names it.</summary>
    public static readonly string Replica = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>
    /// Every statement that ends a poll sets these on the board: its next poll one interval on, with ±10% jitter so boards
    /// registered together drift apart, and its claim released.
    /// </summary>
    internal const string NextPollSql =
        "next_poll_at = now() + poll_interval * (0.9 + random() * 0.2), claimed_by = null, claimed_until = null";

    /// <summary>
    /// Every board with its health, in one statement: active postings are one grouped count, not a query per board.
    /// </summary>
    public async Task<IReadOnlyList<BoardHealth>> HealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<BoardHealth>(
            """
            select b.provider, b.board_token, b.enabled, b.last_outcome, b.consecutive_failures, b.last_success_at,
                   coalesce(active.postings, 0)::int as active_postings, b.next_poll_at
            from boards b
            left join (
                select source_id, count(*) as postings from posting_rows where status = 'active' group by source_id
            ) active on active.source_id = b.source_id
            order by b.provider, b.board_token
            """)];
    }

    /// <summary>How long ago the enabled boards last succeeded, as quantiles over all of them, in one statement.</summary>
    public async Task<BoardFreshness> FreshnessAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Newest first, so the quantile q of success times is the quantile q of ages.
        return await connection.QuerySingleAsync<BoardFreshness>(
            """
            select count(*)::int as enabled,
                   count(*) filter (where consecutive_failures > 0)::int as failing,
                   count(*) filter (where last_success_at is null)::int as never_succeeded,
                   percentile_disc(0.5) within group (order by coalesce(last_success_at, created_at) desc) as p50_success_at,
                   percentile_disc(0.9) within group (order by coalesce(last_success_at, created_at) desc) as p90_success_at,
                   percentile_disc(0.99) within group (order by coalesce(last_success_at, created_at) desc) as p99_success_at,
                   min(coalesce(last_success_at, created_at)) as oldest_success_at
            from boards
            where enabled
            """);
    }

    /// <summary>Records a poll that changed no posting: the fetch, the archive or the payload failed.</summary>
    public async Task RecordFailureAsync(PollRecord poll, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PostingStore.InsertPollAsync(connection, transaction, poll);
        await connection.ExecuteAsync(
            $"""
            update boards set last_poll_at = @FinishedAt, last_outcome = @Outcome, last_error = @Error,
                              consecutive_failures = consecutive_failures + 1, {NextPollSql}
            where source_id = @SourceId
            """, poll, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
