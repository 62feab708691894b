using System.Globalization;
using Dapper;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// A board that sends the very payload it sent last (same SHA-256, or a 304) is recorded in one statement: the poll, copied
/// from the poll that applied those bytes, and the board's sighting time, which every posting listed in it reads as its own
/// last sighting. Nothing is parsed, archived or written per posting.
/// </summary>
public sealed class UnchangedPayloads(NpgsqlDataSource database, TimeProvider clock)
{
    private sealed record AppliedPayload(
        int? JobCount, int? DeclaredTotal, string PayloadSha256, long? PayloadBytes, string RawPayloadUri, string Outcome, string? Error);

    /// <summary>
    /// Records the poll when the payload is the board's applied one and that payload is archived today; null when it is not
    /// (new bytes, a new day's partition to write, postings waiting for a second absence to close, a board confirmed gone
    /// whose postings reopen, or a newer snapshot applied): then the poll takes the whole path.
    /// </summary>
    public async Task<PollRecord?> TryRecordAsync(BoardRef board, PayloadReceipt receipt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var finishedAt = clock.GetUtcNow();
        var applied = await connection.QuerySingleOrDefaultAsync<AppliedPayload>(
            $"""
            with board as (
                update boards b set
                    last_poll_at = @FinishedAt, last_success_at = @ObservedAt, last_outcome = applied.outcome, last_error = applied.error,
                    consecutive_failures = 0, last_snapshot_at = @ObservedAt, snapshot_uri = archived.uri,
                    state = case when applied.job_count > 0 then 'ok' else 'empty' end,
                    etag = coalesce(@ETag, b.etag), last_modified = coalesce(@LastModified, b.last_modified), {Boards.NextPollSql}
                from polls applied, archived_payloads archived
                where b.source_id = @SourceId and b.pending_closes = jsonb_build_object() and b.last_snapshot_at < @ObservedAt and b.state <> 'gone'
                  and applied.poll_id = b.snapshot_poll_id
                  and applied.payload_sha256 = coalesce(@PayloadSha256, applied.payload_sha256)
                  and archived.source_id = b.source_id and archived.day = @Day::date and archived.sha256 = applied.payload_sha256
                returning applied.job_count, applied.declared_total, applied.payload_sha256, applied.payload_bytes, archived.uri,
                          applied.outcome, applied.error
            )
            insert into polls (poll_id, source_id, started_at, finished_at, observed_at, http_status, etag, last_modified, content_encoding,
                               job_count, declared_total, payload_sha256, payload_bytes, raw_payload_uri, outcome, error, unchanged)
            select @PollId, @SourceId, @StartedAt, @FinishedAt, @ObservedAt, @HttpStatus, @ETag, @LastModified, @ContentEncoding,
                   job_count, declared_total, payload_sha256, coalesce(@PayloadBytes, payload_bytes), uri, outcome, error, job_count
            from board
            returning job_count, declared_total, payload_sha256, payload_bytes, raw_payload_uri, outcome, error
            """,
            new
            {
                receipt.PollId, board.SourceId, receipt.StartedAt, FinishedAt = finishedAt, receipt.ObservedAt, receipt.HttpStatus,
                receipt.ETag, receipt.LastModified, receipt.ContentEncoding, receipt.PayloadSha256, receipt.PayloadBytes,
                Day = receipt.ObservedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Boards.Replica,
            });
        return applied is null
            ? null
            : new PollRecord(
                receipt.PollId, board.SourceId, receipt.StartedAt, finishedAt, receipt.HttpStatus, applied.PayloadSha256, applied.PayloadBytes,
                applied.RawPayloadUri, applied.Outcome, applied.Error, applied.JobCount, applied.DeclaredTotal, Unchanged: applied.JobCount ?? 0,
                ObservedAt: receipt.ObservedAt, ETag: receipt.ETag, LastModified: receipt.LastModified, ContentEncoding: receipt.ContentEncoding);
    }
}
