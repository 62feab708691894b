using Dapper;
using Npgsql;

namespace Ingestor.Tests.Infrastructure;

/// <summary>
/// Holds a poll inside its database transaction without any hook in the product: another session takes a lock on
/// <c>job_events</c> that the poll's event insert must wait for. The poll has by then begun its transaction, locked its
/// board's row and written its posting rows, none of it committed; it waits there until the lock is released.
/// </summary>
public sealed class HeldPollTransaction : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;

    private HeldPollTransaction(string connectionString, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connectionString = connectionString;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<HeldPollTransaction> BeginAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("lock table job_events in share mode", transaction: transaction);
        return new HeldPollTransaction(connectionString, connection, transaction);
    }

    /// <summary>A backend waiting on this lock inside its transaction, and whether it holds posting rows it wrote.</summary>
    public sealed record Waiter(int Pid, string State, string WaitEventType, bool InTransaction, bool WroteRows);

    /// <summary>The poll's backend, once one waits on this lock inside an open transaction (pg_stat_activity, pg_locks).</summary>
    public async Task<Waiter> WaitForPollAsync(Func<string> whyNot)
    {
        const string sql =
            """
            select a.pid, a.state, a.wait_event_type, a.xact_start is not null as in_transaction,
                   exists (select from pg_locks l where l.pid = a.pid and l.relation = 'posting_rows'::regclass
                           and l.mode = 'RowExclusiveLock' and l.granted) as wrote_rows
            from pg_stat_activity a
            where a.datname = current_database() and pg_backend_pid() <> a.pid and @Holder = any(pg_blocking_pids(a.pid))
            """;
        await using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await probe.OpenAsync();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((await probe.QueryAsync<Waiter>(sql, new { Holder = _connection.ProcessID })).FirstOrDefault() is { } waiter)
                return waiter;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"no poll came to wait on the lock: {whyNot()}");
    }

    /// <summary>Lets the held poll (or whatever its backend has become) go on.</summary>
    public async Task ReleaseAsync()
    {
        if (Interlocked.Exchange(ref _transaction, null) is { } transaction)
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
