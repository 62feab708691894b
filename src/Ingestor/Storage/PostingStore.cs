using Dapper;
using Ingestor.Reconciliation;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// Opens the transaction of one board poll: the board's row is locked and its postings read, so the poll can normalize
/// only what changed and then write everything at once (<see cref="BoardTransaction"/>).
/// </summary>
public sealed class PostingStore(NpgsqlDataSource database, ClosePolicy closePolicy, RepostPolicy repostPolicy, TimeProvider clock)
{
    private sealed record StoredRow(
        string JobId, string ProviderJobKey, bool IsActive, bool InLatestSnapshot, string ContentHash, string SourceHash, string FieldHashes,
        string? DescriptionHash);

    /// <summary>
    /// The source hash of each active posting of the board, read outside any transaction: what a provider that fetches details
    /// needs to know which of its listed jobs are new or changed.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ActiveSourceHashesAsync(BoardRef board, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string JobId, string SourceHash)>(
            "select job_id, source_hash from posting_rows where source_id = @SourceId and status = 'active'", new { board.SourceId });
        return rows.ToDictionary(row => row.JobId, row => row.SourceHash);
    }

    public async Task<BoardTransaction> BeginAsync(BoardRef board, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The row lock serializes polls of one board across replicas: a second firing of the same poll waits, then sees our result.
            // It lets rows that only refer to the board be written meanwhile: the payload's archive indexes it while the poll runs.
            using var read = await connection.QueryMultipleAsync(
                $"""
                {GenericPlans}
                select org_id, last_snapshot_at, pending_closes::text as pending_closes from boards where source_id = @SourceId for no key update;
                select job_id, provider_job_key, status = 'active' as is_active, in_latest_snapshot, content_hash, source_hash,
                       field_hashes::text as field_hashes, description_hash
                from posting_rows where source_id = @SourceId;
                """, new { board.SourceId }, transaction);
            var state = await read.ReadSingleAsync<BoardTransaction.BoardState>();
            var rows = (await read.ReadAsync<StoredRow>()).ToList();
            var stored = rows.Select(ToStoredPosting).ToDictionary(p => p.JobId);
            var held = new BoardTransaction.Held(
                stored, rows.ToDictionary(r => r.JobId, r => r.DescriptionHash), rows.ToDictionary(r => r.JobId, r => r.ProviderJobKey));
            return new BoardTransaction(connection, transaction, board, state, held, closePolicy, repostPolicy, clock);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // A prepared statement whose plan for the parameters at hand looks cheaper than its generic plan is planned again at every
    // run (PostgreSQL's plan_cache_mode = auto). A poll's statements that take lists of postings (close, unlist, the repost
    // lookups) always looked so, and planning them cost about as much as running them (README, "Measuring it"). Every
    // statement of a poll looks rows up by key, so its generic plan is the one wanted; it is made again whenever the table's
    // statistics change (autovacuum's analyze), as for the statements PostgreSQL already ran generic.
    private const string GenericPlans = "set local plan_cache_mode = force_generic_plan;";

    internal const string InsertPollSql =
        """
        insert into polls (poll_id, source_id, started_at, finished_at, observed_at, http_status, etag, last_modified, content_encoding,
                           job_count, declared_total, payload_sha256, payload_bytes, raw_payload_uri, outcome, error,
                           opened, updated, reopened, closed, unchanged)
        values (@PollId, @SourceId, @StartedAt, @FinishedAt, @ObservedAt, @HttpStatus, @ETag, @LastModified, @ContentEncoding,
                @JobCount, @DeclaredTotal, @PayloadSha256, @PayloadBytes, @RawPayloadUri, @Outcome, @Error,
                @Opened, @Updated, @Reopened, @Closed, @Unchanged)
        """;

    internal static Task InsertPollAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PollRecord poll) =>
        connection.ExecuteAsync(InsertPollSql, poll, transaction);

    private static StoredPosting ToStoredPosting(StoredRow row) => new(
        row.JobId, row.IsActive, row.ContentHash, row.SourceHash,
        new StoredFieldHashes(row.FieldHashes), row.InLatestSnapshot);
}
