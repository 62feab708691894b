using Dapper;
using Npgsql;

namespace Ingestor.Benchmarks.Farm;

/// <summary>What the database did between two readings: WAL written, posting rows written, statements run, plans made.</summary>
internal sealed record DatabaseCounters(string WalLsn, long PostingRowsWritten, long EventsWritten, long Statements, long Plans)
{
    /// <summary>Marks a statement of the benchmark's, run while the product runs, as none of the product's.</summary>
    public const string NotCounted = "/* farm benchmark */";

    public static async Task<DatabaseCounters> ReadAsync(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync();
        // Statistics are read as of this transaction; a fresh snapshot sees what the service's (now closed) sessions flushed.
        await connection.ExecuteAsync("select pg_stat_clear_snapshot()");
        return await connection.QuerySingleAsync<DatabaseCounters>(
            """
            select pg_current_wal_lsn()::text as wal_lsn,
                   coalesce((select n_tup_ins + n_tup_upd from pg_stat_user_tables where relname = 'posting_rows'), 0) as posting_rows_written,
                   coalesce((select n_tup_ins from pg_stat_user_tables where relname = 'job_events'), 0) as events_written,
                   coalesce(sum(calls)::bigint, 0) as statements, coalesce(sum(plans)::bigint, 0) as plans
            from pg_stat_statements
            where query not like '%pg_stat%' and query not like '%wal_lsn%' and query not like 'checkpoint%'
              and query not like '%' || @NotCounted || '%'
            """, new { NotCounted });
    }

    public static async Task<long> WalBytesBetweenAsync(NpgsqlDataSource database, DatabaseCounters before, DatabaseCounters after)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select pg_wal_lsn_diff(@After::pg_lsn, @Before::pg_lsn)::bigint", new { After = after.WalLsn, Before = before.WalLsn });
    }
}
