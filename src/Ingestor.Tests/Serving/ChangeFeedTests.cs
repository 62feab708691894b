using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Ingestor.Serving.Feed;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ingestor.Tests.Serving;

/// <summary>
/// <c>GET /job-postings/v1/events</c> followed by its cursor, over boards ingested through the real pipeline: each event exactly
/// once, whatever order the transactions that wrote them commit in.
/// </summary>
public sealed class ChangeFeedTests(TestServers servers)
{
    private const long Backend = 4009193009, Inference = 4012000001, Advocate = 4012000002;

    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // A poll of its own that writes one event of the board's first posting: what any board transaction writes, minus the rest.
    private const string WriteOneEventSql =
        """
        with poll as (
            insert into polls (poll_id, source_id, started_at, finished_at, outcome)
            values (gen_random_uuid(), @SourceId, now(), now(), 'succeeded')
            returning poll_id
        ), posting as (
            select job_id, content_hash, source_hash, raw_payload_uri from posting_rows where source_id = @SourceId order by job_id limit 1
        )
        insert into job_events (job_id, poll_id, event_type, occurred_at, content_hash, source_hash, status_after, raw_payload_uri, changed_fields)
        select posting.job_id, poll.poll_id, 'updated', now(), posting.content_hash, posting.source_hash, 'active', posting.raw_payload_uri, array['title']
        from posting, poll
        returning event_id
        """;

    [Fact]
    public async Task AnEventCommittedAfterALaterOneIsHeldBackThenServedOnceInItsTransactionsPlace()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Copy().Edit(Inference, job => job["title"] = "Inference Engineer").Without(Advocate).Reply());
        ingestor.Greenhouse.Script("lever:plaid", Reply.Json(File.ReadAllBytes(RepositoryPaths.Samples("lever/v0/postings/plaid.json"))));
        await ingestor.PollAsync("fal");
        var plaid = await ingestor.PollAsync("lever:plaid");
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        var committedBefore = await ingestor.QueryAsync<long>("select event_id from job_events order by txid, event_id");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var feed = new FeedConsumer(api.Client);
        var cancel = TestContext.Current.CancellationToken;

        // A writer of the plaid board takes its event id and transaction id now and commits last. (Another board than the
        // later poll's: that poll locks its board's row, which a poll row of the same board would hold against it.)
        await using var writer = await ingestor.Database.OpenConnectionAsync(cancel);
        await using var transaction = await writer.BeginTransactionAsync(cancel);
        var held = await writer.ExecuteScalarAsync<long>(WriteOneEventSql, new { plaid.SourceId }, transaction);
        var later = await ingestor.PollAsync("fal");
        var laterIds = await ingestor.QueryAsync<long>("select event_id from job_events where poll_id = @PollId order by event_id", new { later.PollId });
        var whileHeld = await feed.WalkAsync(null, limit: 100);
        // A cursor on event_id would stand here now: past everything committed, the later poll's events included.
        var lastCommittedId = await ingestor.ScalarAsync<long>("select max(event_id) from job_events");
        await transaction.CommitAsync(cancel);
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        var afterCommit = await feed.WalkAsync(whileHeld.NextCursor, limit: 100);
        var seenByAnEventIdCursor = await ingestor.QueryAsync<long>("select event_id from job_events where event_id > @lastCommittedId", new { lastCommittedId });

        Assert.Equal((1, 1), (later.Updated, later.Closed));
        Assert.Equal(23, committedBefore.Count);
        Assert.Equal(committedBefore, FeedConsumer.Ids(whileHeld.Events));
        Assert.All(laterIds, id => Assert.True(id > held));
        Assert.Equal(laterIds.Max(), lastCommittedId);
        Assert.Empty(seenByAnEventIdCursor);
        Assert.Equal([held, .. laterIds], FeedConsumer.Ids(afterCommit.Events));
        var everyEvent = await ingestor.QueryAsync<long>("select event_id from job_events order by event_id");
        Assert.Equal(everyEvent, FeedConsumer.Ids([.. whileHeld.Events, .. afterCommit.Events]).Order());
    }

    [Fact]
    public async Task FollowingTheCursorThroughABoardsLifecyclePagesEveryEventOnceAsJobEventsHoldsIt()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        var retitled = board.Copy().Edit(Backend, job => job["title"] = "Staff Software Engineer, Backend");
        ingestor.Greenhouse.Script("fal",
            board.Reply(), retitled.Reply(), retitled.Copy().Without(Advocate).Reply(), retitled.Reply(),
            retitled.Copy().Edit(Inference, job => job["title"] = "Inference Engineer").Reply());
        for (var poll = 0; poll < 4; poll++)
            await ingestor.PollAsync("fal");
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var feed = new FeedConsumer(api.Client);

        var walk = await feed.WalkAsync(null, limit: 4);
        var firstPage = await feed.ReadAsync();
        var withEmptyParameters = await feed.ReadAsync(("cursor", ""), ("limit", ""), ("event_type", ""), ("provider", ""));
        var caughtUp = await feed.ReadAsync(("cursor", walk.NextCursor));
        var update = await ingestor.PollAsync("fal");
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        var afterUpdate = await feed.WalkAsync(caughtUp.NextCursor, limit: 4);

        var rows = await StoredEventsAsync(ingestor);
        Assert.Equal(["opened", "opened", "opened", "updated", "closed", "reopened", "updated"], rows.Select(e => e.EventType));
        Assert.Equal([4, 2], walk.PageSizes);
        Assert.Equal(rows.Take(6).Select(AsServed), walk.Events, JsonNode.DeepEquals);
        Assert.All(walk.Events, e => Assert.Equal(
            ["job_id", "provider", "source_id", "event_id", "event_type", "occurred_at", "content_hash", "source_hash", "status_after",
             "raw_payload_uri", "changed_fields", "closed_reason", "reposted_from", "evidence"],
            e.Select(field => field.Key)));
        Assert.Equal(FeedConsumer.Ids(walk.Events), FeedConsumer.Ids(firstPage.Data));
        Assert.Equal(FeedConsumer.Ids(firstPage.Data), FeedConsumer.Ids(withEmptyParameters.Data));
        Assert.Empty(caughtUp.Data);
        Assert.Equal(1, update.Updated);
        Assert.Equal([AsServed(rows[6])], afterUpdate.Events, JsonNode.DeepEquals);
    }

    [Fact]
    public async Task EventsWrittenBeforeTheFeedsMigrationAreServedFirstInTheOrderTheyWereWritten()
    {
        // A database as it stood before 005_change_feed: migrated, then that migration taken back.
        var connectionString = await servers.CreateEmptyDatabaseAsync();
        await using (var database = NpgsqlDataSource.Create(connectionString))
        {
            await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await connection.ExecuteAsync("alter table job_events drop column txid; delete from schema_migrations where version = 5");
        }
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString });
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Without(Advocate).Reply(), board.Reply());
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");

        var applied = await ingestor.Get<Migrator>().MigrateAsync(CancellationToken.None);
        await ingestor.PollAsync("fal");
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var walk = await new FeedConsumer(api.Client).WalkAsync(null, limit: 2);

        Assert.Equal(["005_change_feed"], applied);
        Assert.Equal(1, await ingestor.ScalarAsync<int>("select count(distinct txid)::int from job_events where event_type <> 'reopened'"));
        Assert.Equal(["opened", "opened", "opened", "closed", "reopened"], walk.Events.Select(e => (string?)e["event_type"]));
        Assert.Equal(await ingestor.QueryAsync<long>("select event_id from job_events order by event_id"), FeedConsumer.Ids(walk.Events));
    }

    /// <summary>Every stored event with its posting's provider and board, in the feed's order.</summary>
    internal static async Task<IReadOnlyList<FeedEvent>> StoredEventsAsync(TestIngestor ingestor) =>
        await ingestor.QueryAsync<FeedEvent>(
            "select e.*, e.evidence::text as evidence_json, p.provider, p.source_id from job_events e join posting_rows p on p.job_id = e.job_id order by e.txid, e.event_id");

    private static JsonObject AsServed(FeedEvent stored) => JsonSerializer.SerializeToNode(stored, SnakeCase)!.AsObject();
}
