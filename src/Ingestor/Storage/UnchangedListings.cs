using Dapper;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// A board that sends new bytes listing exactly the postings of its applied snapshot (re-serialized, reordered, escaped
/// otherwise) is recorded in one statement once those bytes are archived: the poll, and the board's sighting time and snapshot,
/// which every posting listed in it reads as its own (<see cref="UnchangedPayloads"/> does the same for the same bytes). The
/// whole path would have read every posting of the board to find that none changed, and written none.
/// </summary>
public sealed class UnchangedListings(NpgsqlDataSource database, TimeProvider clock)
{
    /// <summary>
    /// Records the poll when the board's applied snapshot succeeded and listed the same postings as <paramref name="listingSha256"/>
    /// (<see cref="Normalization.Fingerprints.ListingFingerprint"/>, <c>boards.listing_sha256</c>) and nothing waits on the
    /// board: no close pending a second absence, not confirmed gone, no newer snapshot applied. Null otherwise, and the poll
    /// takes the whole path.
    /// </summary>
    /// <param name="jobCount">What the complete snapshot lists; at least one posting (an empty board is told apart on the whole path).</param>
    public async Task<PollRecord?> TryRecordAsync(
        BoardRef board, PayloadReceipt receipt, string rawPayloadUri, string listingSha256, int jobCount, int? declaredTotal,
        CancellationToken cancellationToken)
    {
        var poll = new PollRecord(
            receipt.PollId, board.SourceId, receipt.StartedAt, clock.GetUtcNow(), receipt.HttpStatus, receipt.PayloadSha256, receipt.PayloadBytes,
            rawPayloadUri, PollOutcome.Succeeded, null, jobCount, declaredTotal, Unchanged: jobCount, ObservedAt: receipt.ObservedAt,
            ETag: receipt.ETag, LastModified: receipt.LastModified, ContentEncoding: receipt.ContentEncoding);
        var parameters = new DynamicParameters(poll);
        parameters.AddDynamicParams(new { ListingSha256 = listingSha256, Boards.Replica });
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var recorded = await connection.ExecuteAsync(
            $"""
            with board as (
                update boards b set
                    last_poll_at = @FinishedAt, last_success_at = @ObservedAt, last_outcome = @Outcome, last_error = null,
                    consecutive_failures = 0, last_snapshot_at = @ObservedAt, state = 'ok',
                    snapshot_poll_id = @PollId, snapshot_uri = @RawPayloadUri, etag = @ETag, last_modified = @LastModified, {Boards.NextPollSql}
                where b.source_id = @SourceId and b.listing_sha256 = @ListingSha256
                  and b.pending_closes = jsonb_build_object() and b.last_snapshot_at < @ObservedAt and b.state <> 'gone'
                returning b.source_id
            )
            insert into polls (poll_id, source_id, started_at, finished_at, observed_at, http_status, etag, last_modified, content_encoding,
                               job_count, declared_total, payload_sha256, payload_bytes, raw_payload_uri, outcome, unchanged)
            select @PollId, source_id, @StartedAt, @FinishedAt, @ObservedAt, @HttpStatus, @ETag, @LastModified, @ContentEncoding,
                   @JobCount, @DeclaredTotal, @PayloadSha256, @PayloadBytes, @RawPayloadUri, @Outcome, @Unchanged
            from board
            """,
            parameters);
        return recorded == 1 ? poll : null;
    }
}
