using Dapper;
using Npgsql;

namespace Ingestor.Serving.Feed;

/// <summary>
/// Every posting's events in the order of the transactions that wrote them (<c>job_events.txid</c>, then <c>event_id</c>),
/// read only below the oldest writing transaction still open anywhere on the database server (<c>pg_snapshot_xmin</c>, a
/// watermark no transaction id can be assigned below again): events of a transaction that commits after a later one are held
/// back until it commits, so a consumer following the cursor gets each event exactly once. The price is lag: a long-running
/// writing transaction, in any database of the server, holds the feed at its start until it ends. One statement reads the
/// watermark and the page, so both come from the same snapshot.
/// </summary>
internal sealed class ChangeFeed(NpgsqlDataSource database)
{
    private sealed record Watermark(ulong Below);

    public async Task<FeedPage> ReadAsync(FeedCursor after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Watermark, FeedEvent?, (Watermark Watermark, FeedEvent? Event)>(new CommandDefinition(
            $"""
            with watermark as (select pg_snapshot_xmin(pg_current_snapshot()) as below)
            select w.below, page.*
            from watermark w
            left join lateral (
                select {Storage.PostingRecords.EventColumns("e")}, e.job_id, p.provider, p.source_id, e.txid
                from job_events e
                join posting_rows p on p.job_id = e.job_id
                where e.txid < w.below
                  and (e.txid, e.event_id) > (@AfterTxid, @AfterEventId)
                  and (@EventType::text is null or e.event_type = @EventType)
                  and (@Provider::text is null or p.provider = @Provider)
                order by e.txid, e.event_id
                limit @Limit
            ) page on true
            order by page.txid, page.event_id
            """,
            new { AfterTxid = new Xid8(after.Txid), AfterEventId = after.EventId, after.EventType, after.Provider, Limit = limit },
            cancellationToken: cancellationToken), (watermark, item) => (watermark, item), splitOn: "event_id")).ToList();

        var events = rows.Where(row => row.Event is not null).Select(row => row.Event!).ToList();
        // A full page may have more behind it; any shorter one held every event below the watermark that the filters select,
        // so the cursor moves up to the watermark and the next read scans only what committed since.
        var next = events.Count == limit
            ? after with { Txid = events[^1].Txid, EventId = events[^1].EventId }
            : after.AtLeast(rows[0].Watermark.Below, 0);
        return new FeedPage(events, next.Encode());
    }
}
