using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>Every line of the lifecycle, against a real PostgreSQL, a real S3-compatible server and an HTTP board.</summary>
public sealed class LifecycleTests(TestServers servers)
{
    private const long Backend = 4009193009, Inference = 4012000001, Advocate = 4012000002, Added = 4012000009;

    private static string Id(long key) => JobId.For("greenhouse", "fal", key.ToString());

    [Fact]
    public async Task FirstSightOpensEachPostingWithAllItsTimesAtThePoll()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Succeeded, poll.Outcome);
        Assert.Equal(3, poll.Opened);
        var postings = await ingestor.QueryAsync<PostingRow>(Sql.Postings);
        Assert.Equal(3, postings.Count);
        Assert.All(postings, p =>
        {
            Assert.Equal("active", p.Status);
            Assert.Equal(p.FirstSeenAt, p.LastSeenAt);
            Assert.Equal(p.FirstSeenAt, p.LastCheckedAt);
            Assert.Equal(p.FirstSeenAt, p.LastChangedAt);
            Assert.Null(p.InactiveAt);
            Assert.Equal(poll.RawPayloadUri, p.RawPayloadUri);
        });
        var events = await ingestor.QueryAsync<EventRow>(Sql.Events);
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(("opened", "active", poll.PollId), (e.EventType, e.StatusAfter, e.PollId)));
    }

    [Fact]
    public async Task TheSamePayloadAgainAdvancesOnlyLastSeenAndLastChecked()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        var before = await ingestor.QueryAsync<PostingRow>(Sql.Postings);

        var again = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 0, 0, 0, 0, 3), (again.Outcome, again.Opened, again.Updated, again.Reopened, again.Closed, again.Unchanged));
        var after = await ingestor.QueryAsync<PostingRow>(Sql.Postings);
        Assert.Equal(before.Count, after.Count);
        foreach (var (old, now) in before.Zip(after))
        {
            Assert.True(now.LastSeenAt > old.LastSeenAt);
            Assert.Equal(now.LastSeenAt, now.LastCheckedAt);
            Assert.Equal(old with { LastSeenAt = now.LastSeenAt, LastCheckedAt = now.LastCheckedAt, RawPayloadUri = now.RawPayloadUri }, now);
            Assert.Equal(again.RawPayloadUri, now.RawPayloadUri);
        }
        Assert.Equal(3, (await ingestor.QueryAsync<EventRow>(Sql.Events)).Count);
        Assert.Equal(2, await ingestor.ScalarAsync<int>("select count(*) from polls"));
    }

    [Fact]
    public async Task AChangedPostingIsUpdatedWithAnEventNamingTheChangedFields()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Edit(Inference, job => job["title"] = "Machine Learning Engineer, Serving").Reply());
        await ingestor.PollAsync("fal");
        using var commands = new DatabaseCommands(ingestor.Settings["ConnectionStrings:Postgres"]!);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((1, 2), (poll.Updated, poll.Unchanged));
        var changed = (await ingestor.QueryAsync<PostingRow>(Sql.Postings)).Single(p => p.JobId == JobId.For("greenhouse", "fal", Inference.ToString()));
        Assert.Equal("Machine Learning Engineer, Serving", changed.Title);
        Assert.Equal(changed.LastSeenAt, changed.LastChangedAt);
        Assert.True(changed.LastChangedAt > changed.FirstSeenAt);
        var update = (await ingestor.QueryAsync<EventRow>(Sql.Events)).Single(e => e.EventType == "updated");
        Assert.Equal(changed.JobId, update.JobId);
        Assert.Equal(["title"], update.ChangedFields!);
        Assert.Equal(poll.PollId, update.PollId);
        // The changed row is written by the poll's batch: no COPY, no round trip of its own.
        Assert.DoesNotContain(commands.Sent, command => command.StartsWith("copy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APostingOpenedWithAChangedOneIsCopiedWholeIntoPostingRows()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), RetitledWithOneAdded(board).Reply());
        var first = await ingestor.PollAsync("fal");
        using var commands = new DatabaseCommands(ingestor.Settings["ConnectionStrings:Postgres"]!);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 1, 1, 2), (poll.Outcome, poll.Opened, poll.Updated, poll.Unchanged));
        Assert.Equal(["posting_rows"], commands.Sent.Where(c => c.StartsWith("copy", StringComparison.Ordinal)).Select(c => c.Split(' ')[1]));
        var postings = await ingestor.QueryAsync<PostingRow>(Sql.Postings);
        var opened = postings.Single(p => p.JobId == Id(Added));
        var observedAt = await ingestor.ScalarAsync<DateTime>("select observed_at from polls where poll_id = @PollId", new { poll.PollId });
        Assert.Equal(
            ("Developer Advocate, Europe", "active", observedAt, observedAt, observedAt, poll.RawPayloadUri),
            (opened.Title, opened.Status, opened.FirstSeenAt, opened.LastSeenAt, opened.LastChangedAt, opened.RawPayloadUri));
        Assert.Equal("Machine Learning Engineer, Serving", postings.Single(p => p.JobId == Id(Inference)).Title);
        // The new row holds its description like any other, and the advocate it was copied from keeps its own.
        Assert.Equal(
            2,
            await ingestor.ScalarAsync<int>(
                "select count(distinct job_id)::int from posting_rows where description_html is not null and description_text <> '' and job_id = any(@Ids)",
                new { Ids = new[] { Id(Added), Id(Advocate) } }));
        Assert.Equal(
            [("opened", Id(Added)), ("updated", Id(Inference))],
            (await ingestor.QueryAsync<EventRow>(Sql.Events)).Where(e => e.PollId == poll.PollId).Select(e => (e.EventType, e.JobId)).Order());
        Assert.NotEqual(first.RawPayloadUri, poll.RawPayloadUri);
    }

    [Fact]
    public async Task EachEventCarriesTheHashesAndStatusItsPostingIsLeftWithByItsPoll()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        var changed = RetitledWithOneAdded(board);
        ingestor.Greenhouse.Script("fal", board.Reply(), changed.Reply(), changed.Copy().Without(Advocate).Reply(), changed.Reply());
        var seen = new List<string>();

        for (var index = 0; index < 4; index++)
        {
            var poll = await ingestor.PollAsync("fal");

            Assert.Equal(PollOutcome.Succeeded, poll.Outcome);
            var events = await ingestor.QueryAsync<(string JobId, string EventType, string ContentHash, string SourceHash, string StatusAfter)>(
                "select job_id, event_type, content_hash, source_hash, status_after from job_events where poll_id = @PollId order by event_id",
                new { poll.PollId });
            var rows = (await ingestor.QueryAsync<PostingRow>(Sql.Postings)).ToDictionary(p => p.JobId);
            Assert.All(events, e => Assert.Equal(
                (rows[e.JobId].ContentHash, rows[e.JobId].SourceHash, rows[e.JobId].Status),
                (e.ContentHash, e.SourceHash, e.StatusAfter)));
            seen.AddRange(events.Select(e => e.EventType));
        }
        Assert.Equal(["closed", "opened", "reopened", "updated"], seen.Distinct().Order());
    }

    [Fact]
    public async Task AChangedPostingsRowHoldsWhatAFirstSightOfItWrites()
    {
        // Every field of the inference engineer changes: it takes the backend engineer's job under its own id.
        var board = BoardPayload.Of("fal");
        var changed = board.Copy().Edit(Inference, job =>
        {
            foreach (var (name, value) in board.Job(Backend).Where(field => field.Key != "id"))
                job[name] = value?.DeepClone();
        });
        await using var polledTwice = await TestIngestor.StartAsync(servers);
        polledTwice.Greenhouse.Script("fal", board.Reply(), changed.Reply());
        await polledTwice.PollAsync("fal");
        await using var polledOnce = await TestIngestor.StartAsync(servers);
        polledOnce.Greenhouse.Script("fal", changed.Reply());

        var update = await polledTwice.PollAsync("fal");
        await polledOnce.PollAsync("fal");

        Assert.Equal(1, update.Updated);
        // What depends on the database or the poll aside: ids made there, the sightings, and when the fields were inferred.
        const string row =
            """
            select (to_jsonb(p) - array['org_id', 'source_id', 'first_seen_at', 'last_seen_at', 'last_checked_at', 'last_changed_at', 'raw_payload_uri', 'parsed'])::text,
                   (parsed - 'inferred_at')::text
            from posting_rows p where job_id = @Id
            """;
        var updated = (await polledTwice.QueryAsync<(string Row, string Parsed)>(row, new { Id = Id(Inference) })).Single();
        Assert.Equal((await polledOnce.QueryAsync<(string Row, string Parsed)>(row, new { Id = Id(Inference) })).Single(), updated);
        Assert.Contains("\"title\": \"Senior Software Engineer, Backend\"", updated.Row);
    }

    /// <summary>The board with the inference engineer retitled and a second developer advocate (<see cref="Added"/>).</summary>
    private static BoardPayload RetitledWithOneAdded(BoardPayload board)
    {
        var next = board.Copy().Edit(Inference, job => job["title"] = "Machine Learning Engineer, Serving");
        var added = next.Job(Advocate).DeepClone().AsObject();
        added["id"] = Added;
        added["title"] = "Developer Advocate, Europe";
        next.Jobs.Add(added);
        return next.DeclaringTotal(4);
    }

    [Fact]
    public async Task AChangeOnlyToUpdatedAtIsNotAnUpdate()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Edit(Backend, job => job["updated_at"] = "2026-06-01T00:00:00-04:00").Reply());
        await ingestor.PollAsync("fal");
        var before = (await ingestor.QueryAsync<PostingRow>(Sql.Postings)).Single(p => p.ProviderJobKey == Backend.ToString());

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((0, 3), (poll.Updated, poll.Unchanged));
        var after = (await ingestor.QueryAsync<PostingRow>(Sql.Postings)).Single(p => p.ProviderJobKey == Backend.ToString());
        Assert.Equal(before.ContentHash, after.ContentHash);
        Assert.NotEqual(before.SourceHash, after.SourceHash);
        Assert.Equal(before.LastChangedAt, after.LastChangedAt);
        Assert.Equal(new DateTime(2026, 6, 1, 4, 0, 0, DateTimeKind.Utc),
            await ingestor.ScalarAsync<DateTime>("select source_updated_at from postings where job_id = @Id", new { Id = Id(Backend) }));
        Assert.Equal(3, (await ingestor.QueryAsync<EventRow>(Sql.Events)).Count);
    }

    [Fact]
    public async Task AnActivePostingMissingFromACompleteSnapshotIsClosed()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Without(Advocate).Reply());
        await ingestor.PollAsync("fal");

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 1), (poll.Outcome, poll.Closed));
        var closed = (await ingestor.QueryAsync<PostingRow>(Sql.Postings)).Single(p => p.JobId == Id(Advocate));
        Assert.Equal("inactive", closed.Status);
        Assert.NotNull(closed.InactiveAt);
        Assert.True(closed.InactiveAt > closed.LastSeenAt);
        var close = (await ingestor.QueryAsync<EventRow>(Sql.Events)).Single(e => e.EventType == "closed");
        Assert.Equal((Id(Advocate), "inactive", poll.RawPayloadUri), (close.JobId, close.StatusAfter, close.RawPayloadUri));
        Assert.Equal(closed.InactiveAt, close.OccurredAt);
    }

    [Fact]
    public async Task AClosedPostingSeenAgainIsReopened()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Without(Advocate).Reply(), board.Reply());
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(1, poll.Reopened);
        var reopened = (await ingestor.QueryAsync<PostingRow>(Sql.Postings)).Single(p => p.JobId == Id(Advocate));
        Assert.Equal(("active", (DateTime?)null), (reopened.Status, reopened.InactiveAt));
        var history = (await ingestor.QueryAsync<EventRow>(Sql.Events)).Where(e => e.JobId == Id(Advocate)).Select(e => e.EventType);
        Assert.Equal(["opened", "closed", "reopened"], history);
    }

    [Fact]
    public async Task AnIncompleteSnapshotRecordsPresenceButClosesNothing()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        var partial = board.Copy().Without(Advocate).Edit(Inference, job => job["title"] = "Inference Engineer").DeclaringTotal(5);
        ingestor.Greenhouse.Script("fal", board.Reply(), partial.Reply());
        await ingestor.PollAsync("fal");

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Partial, 0, 1), (poll.Outcome, poll.Closed, poll.Updated));
        Assert.Contains("incomplete snapshot (2 of 5 jobs)", poll.Error);
        var postings = await ingestor.QueryAsync<PostingRow>(Sql.Postings);
        Assert.All(postings, p => Assert.Equal("active", p.Status));
        Assert.DoesNotContain(await ingestor.QueryAsync<EventRow>(Sql.Events), e => e.EventType == "closed");
    }

    [Fact]
    public async Task ASecondCompleteSnapshotConfirmsAMassDisappearance()
    {
        // No job endpoint is asked, as for a provider without one: the guard alone holds the closes.
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?>
        {
            ["Polling:MinActiveForCloseGuard"] = "3",
            ["Polling:CloseChecksPerPoll"] = "0",
        });
        var board = BoardPayload.Of("fal");
        var emptied = BoardPayload.Of("empty");
        ingestor.Greenhouse.Script("fal", board.Reply(), emptied.Reply());
        await ingestor.PollAsync("fal");

        var held = await ingestor.PollAsync("fal");
        var confirmed = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Partial, 0), (held.Outcome, held.Closed));
        Assert.Contains("3 of 3 active postings are missing", held.Error);
        Assert.Equal((PollOutcome.Succeeded, 3), (confirmed.Outcome, confirmed.Closed));
    }

    [Fact]
    public async Task APostingOpensOnceEvenWhenTwoPollsOfTheBoardRunAtOnce()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var board = await ingestor.RegisterAsync("fal");
        var poller = ingestor.Get<Ingestor.Polling.BoardPoller>();

        var polls = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => poller.PollAsync(board, CancellationToken.None)));

        Assert.All(polls, p => Assert.NotEqual(PollOutcome.Failed, p.Outcome));
        Assert.Equal(3, polls.Sum(p => p.Opened));
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from postings"));
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from job_events"));
    }
}
