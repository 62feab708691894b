using Dapper;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>The registry of boards to poll and the bookkeeping of their polls.</summary>
public sealed class Boards(NpgsqlDataSource database)
{
    private const string Columns = "source_id, provider, board_token, etag, last_modified";

    public async Task<BoardRef> RegisterAsync(string provider, string boardToken, CancellationToken cancellationToken) =>
        (await RegisterAsync(provider, [boardToken], cancellationToken)).Single();

    /// <summary>Registers boards not yet known, in one statement however many; known boards keep their settings.</summary>
    public async Task<IReadOnlyList<BoardRef>> RegisterAsync(string provider, IReadOnlyCollection<string> boardTokens, CancellationToken cancellationToken)
    {
        if (boardTokens.Count == 0)
            return [];
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<BoardRef>(
            $"""
            insert into boards (provider, board_token)
            select @Provider, token from unnest(@BoardTokens) as token
            on conflict (provider, board_token) do update set board_token = excluded.board_token
            returning {Columns}
            """, new { Provider = provider, BoardTokens = boardTokens.Distinct().ToArray() })];
    }

    public async Task<IReadOnlyList<BoardRef>> EnabledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<BoardRef>($"select {Columns} from boards where enabled order by provider, board_token")];
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> enabled boards whose next poll is due and moves their next poll one interval on,
    /// with ±10% jitter so boards registered together drift apart. Replicas claiming at once skip each other's rows.
    /// </summary>
    public async Task<IReadOnlyList<BoardRef>> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<BoardRef>(
            $"""
            update boards set next_poll_at = now() + poll_interval * (0.9 + random() * 0.2)
            where source_id in (
                select source_id from boards
                where enabled and next_poll_at <= now()
                order by next_poll_at
                limit @Limit
                for update skip locked)
            returning {Columns}
            """, new { Limit = limit })];
    }

    /// <summary>Records a poll that changed no posting: the fetch, the archive or the payload failed.</summary>
    public async Task RecordFailureAsync(PollRecord poll, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PostingStore.InsertPollAsync(connection, transaction, poll);
        await connection.ExecuteAsync(
            """
            update boards set last_poll_at = @FinishedAt, last_outcome = @Outcome, last_error = @Error,
                              consecutive_failures = consecutive_failures + 1
            where source_id = @SourceId
            """, poll, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
