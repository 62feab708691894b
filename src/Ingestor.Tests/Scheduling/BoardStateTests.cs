using System.Text.Json;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Pipeline;

namespace Ingestor.Tests.Scheduling;

/// <summary>
/// Each poll's end decides its board's state: ok, empty, failing, blocked, or gone (whose postings close, and reopen when it
/// comes back); failing, blocked and gone boards back off, and a success brings them back to their interval.
/// </summary>
public sealed class BoardStateTests(TestServers servers)
{
    private sealed record BoardRow(string State, int ConsecutiveFailures, int? LastFailureStatus, TimeSpan UntilNextPoll);

    private sealed record ClosedEvent(string JobId, Guid PollId, DateTime OccurredAt, string StatusAfter, string RawPayloadUri, string ClosedReason,
        string Evidence, bool HashesArePostings);

    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private static async Task<BoardRow> BoardAsync(TestIngestor ingestor, string token = "fal") =>
        (await ingestor.QueryAsync<BoardRow>(
            """
            select state, consecutive_failures, last_failure_status, next_poll_at - now() as until_next_poll
            from boards where board_token = @Token
            """, new { Token = token })).Single();

    /// <summary>The next poll is <paramref name="backoff"/> on, with its ±10% jitter (less the moments since it was set).</summary>
    private static void AssertNextPollIn(TimeSpan backoff, BoardRow board) =>
        Assert.InRange(board.UntilNextPoll, backoff * 0.9 - TimeSpan.FromMinutes(1), backoff * 1.1);

    private static Task<IReadOnlyList<ClosedEvent>> ClosedEventsAsync(TestIngestor ingestor) =>
        ingestor.QueryAsync<ClosedEvent>(
            """
            select e.job_id, e.poll_id, e.occurred_at, e.status_after, e.raw_payload_uri, e.closed_reason, e.evidence::text as evidence,
                   (e.content_hash, e.source_hash) = (p.content_hash, p.source_hash) as hashes_are_postings
            from job_events e join posting_rows p using (job_id)
            where e.event_type = 'closed' order by e.job_id
            """);

    [Fact]
    public async Task ABoardAnswering404AcrossHoursIsGoneClosesItsPostingsOnceWithEvidenceAndReopensThemWhenItComesBack()
    {
        // Early in the day, so that the board comes back with the same bytes within the day they were archived.
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 6, 0, 10, 0, TimeSpan.Zero));
        await using var ingestor = await TestIngestor.StartAsync(servers, clock: clock);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var listed = await ingestor.PollAsync("fal");
        // Listed again unchanged: the postings' last sighting is now the board's, not their rows' own.
        clock.Advance(TimeSpan.FromMinutes(30));
        await ingestor.PollAsync("fal");
        var listedAt = clock.Now.UtcDateTime;
        ingestor.Greenhouse.Script("fal", Reply.Error(404, """{"status":404,"error":"Job board not found"}"""));

        var failed = new List<PollRecord>();
        var boards = new List<BoardRow>();
        foreach (var hoursLater in new[] { 1, 1, 2, 3 })
        {
            clock.Advance(TimeSpan.FromHours(hoursLater));
            failed.Add(await ingestor.PollAsync("fal"));
            boards.Add(await BoardAsync(ingestor));
        }
        var goneAt = clock.Now.UtcDateTime;
        var closedWhenGone = await ClosedEventsAsync(ingestor);
        var postingsWhenGone = await ingestor.QueryAsync<PostingRow>(Sql.Postings);

        // Four 404s over six hours (Scheduling:GoneAfterFailures 3, Scheduling:GoneAfter 6 h): gone at the fourth.
        Assert.Equal([BoardStates.Failing, BoardStates.Failing, BoardStates.Failing, BoardStates.Gone], boards.Select(b => b.State));
        Assert.All(boards, b => Assert.Equal(404, b.LastFailureStatus));
        foreach (var (board, minutes) in boards.Zip([10, 20, 40, 80]))
            AssertNextPollIn(TimeSpan.FromMinutes(minutes), board);
        Assert.Equal([0, 0, 0, 3], await ingestor.QueryAsync<int>("select closed from polls where outcome = 'failed' order by started_at"));
        Assert.Equal(3, closedWhenGone.Count);
        Assert.All(closedWhenGone, e =>
        {
            Assert.Equal((failed[^1].PollId, goneAt, "inactive", listed.RawPayloadUri, "board_gone"), (e.PollId, e.OccurredAt, e.StatusAfter, e.RawPayloadUri, e.ClosedReason));
            Assert.True(e.HashesArePostings);
            using var evidence = JsonDocument.Parse(e.Evidence);
            Assert.Equal(404, evidence.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(failed[0].StartedAt, evidence.RootElement.GetProperty("first_404_at").GetDateTimeOffset());
            Assert.Equal(failed.Select(p => p.PollId), evidence.RootElement.GetProperty("polls").EnumerateArray().Select(poll => poll.GetGuid()));
        });
        Assert.All(postingsWhenGone, p =>
            Assert.Equal(("inactive", goneAt, listedAt, listed.RawPayloadUri), (p.Status, p.InactiveAt!.Value, p.LastSeenAt, p.RawPayloadUri)));

        // Still gone six hours on: nothing more closes, and the board is polled less and less often.
        clock.Advance(TimeSpan.FromHours(6));
        var stillGone = await ingestor.PollAsync("fal");
        var boardStillGone = await BoardAsync(ingestor);

        Assert.Equal(BoardStates.Gone, boardStillGone.State);
        AssertNextPollIn(TimeSpan.FromMinutes(160), boardStillGone);
        Assert.Equal(0, await ingestor.ScalarAsync<int>("select closed from polls where poll_id = @PollId", new { stillGone.PollId }));
        Assert.Equal(closedWhenGone, await ClosedEventsAsync(ingestor));

        // Back the same day with the very bytes it last listed: its postings reopen, and it is polled every interval again.
        clock.Advance(TimeSpan.FromHours(6));
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var back = await ingestor.PollAsync("fal");
        var boardBack = await BoardAsync(ingestor);

        Assert.Equal((PollOutcome.Succeeded, 3, 0), (back.Outcome, back.Reopened, back.Closed));
        Assert.Equal((BoardStates.Ok, 0), (boardBack.State, boardBack.ConsecutiveFailures));
        AssertNextPollIn(Interval, boardBack);
        Assert.All(await ingestor.QueryAsync<PostingRow>(Sql.Postings), p => Assert.Equal(("active", clock.Now.UtcDateTime), (p.Status, p.LastSeenAt)));
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from job_events where event_type = 'reopened' and poll_id = @PollId", new { back.PollId }));
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from job_events where event_type = 'closed'"));
    }

    [Fact]
    public async Task ABoardBackFromGoneWithItsListReserializedReopensItsPostings()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 6, 0, 10, 0, TimeSpan.Zero));
        await using var ingestor = await TestIngestor.StartAsync(servers, clock: clock);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        ingestor.Greenhouse.Script("fal", Reply.Error(404, """{"status":404,"error":"Job board not found"}"""));
        foreach (var hoursLater in new[] { 1, 1, 2, 3 })
        {
            clock.Advance(TimeSpan.FromHours(hoursLater));
            await ingestor.PollAsync("fal");
        }
        Assert.Equal(BoardStates.Gone, (await BoardAsync(ingestor)).State);

        // The same postings in other bytes: the board's applied snapshot listed them, but they closed with the board since.
        clock.Advance(TimeSpan.FromHours(1));
        ingestor.Greenhouse.Script("fal", BoardPayload.Of("fal").Reserialized());
        var back = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 3), (back.Outcome, back.Reopened));
        Assert.Equal(BoardStates.Ok, (await BoardAsync(ingestor)).State);
        Assert.All(await ingestor.QueryAsync<PostingRow>(Sql.Postings), p => Assert.Equal(("active", back.RawPayloadUri), (p.Status, p.RawPayloadUri)));
    }

    [Fact]
    public async Task A404AfterHoursOfOtherFailuresIsOneFailureMoreAndClosesNothing()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 6, 0, 10, 0, TimeSpan.Zero));
        await using var ingestor = await TestIngestor.StartAsync(servers, clock: clock);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");

        // Failing for seven hours, three polls in a row: all a gone board needs, except that only the last poll was a 404.
        foreach (var (hoursLater, status) in new[] { (1, 500), (2, 500), (5, 404) })
        {
            clock.Advance(TimeSpan.FromHours(hoursLater));
            ingestor.Greenhouse.Script("fal", Reply.Error(status));
            await ingestor.PollAsync("fal");
        }
        var afterThe404 = await BoardAsync(ingestor);
        clock.Advance(TimeSpan.FromHours(1));
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var back = await ingestor.PollAsync("fal");

        Assert.Equal((BoardStates.Failing, 3, 404), (afterThe404.State, afterThe404.ConsecutiveFailures, afterThe404.LastFailureStatus));
        AssertNextPollIn(TimeSpan.FromMinutes(40), afterThe404);
        Assert.Equal((PollOutcome.Succeeded, 0, 0), (back.Outcome, back.Reopened, back.Closed));
        Assert.Equal(BoardStates.Ok, (await BoardAsync(ingestor)).State);
        Assert.Empty(await ClosedEventsAsync(ingestor));
        Assert.All(await ingestor.QueryAsync<PostingRow>(Sql.Postings), p => Assert.Equal("active", p.Status));
    }

    [Theory]
    [InlineData(429, 1 + 3)]
    [InlineData(403, 1)]
    public async Task ARefusalThatOutlastsRetriesBlocksTheBoardAndBacksOffUntilASuccessBringsBackItsInterval(int status, int requestsPerPoll)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");

        ingestor.Greenhouse.Script("fal", Reply.Error(status) with { RetryAfter = "0" });
        var refused = new[] { await ingestor.PollAsync("fal"), await ingestor.PollAsync("fal") };
        var blocked = await BoardAsync(ingestor);
        var requests = ingestor.Greenhouse.Requests("fal");
        // The same bytes as before the refusals: recorded in one statement, which resets the board as any success does.
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var back = await ingestor.PollAsync("fal");
        var reset = await BoardAsync(ingestor);

        Assert.All(refused, p => Assert.Equal((PollOutcome.Failed, status), (p.Outcome, p.HttpStatus)));
        Assert.Equal(2 * requestsPerPoll, requests);
        Assert.Equal((BoardStates.Blocked, 2, status), (blocked.State, blocked.ConsecutiveFailures, blocked.LastFailureStatus));
        AssertNextPollIn(TimeSpan.FromMinutes(20), blocked);
        Assert.Equal((PollOutcome.Succeeded, 3), (back.Outcome, back.Unchanged));
        Assert.Equal((BoardStates.Ok, 0), (reset.State, reset.ConsecutiveFailures));
        AssertNextPollIn(Interval, reset);
    }

    [Fact]
    public async Task RecordingThePollThatConfirmsABoardGoneReturnsItWithTheClosesItMade()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?>
        {
            ["Scheduling:GoneAfterFailures"] = "2",
            ["Scheduling:GoneAfter"] = "00:00:00",
        });
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"), Reply.Error(404));
        await ingestor.PollAsync("fal");
        var first404 = await ingestor.PollAsync("fal");
        var later = first404.FinishedAt.AddMinutes(30);
        var second404 = first404 with { PollId = Guid.CreateVersion7(), StartedAt = later, FinishedAt = later, ObservedAt = later };

        var recorded = await ingestor.Get<Boards>().RecordFailureAsync(second404, backOff: true, CancellationToken.None);

        Assert.Equal(second404 with { Closed = 3 }, recorded);
        Assert.Equal(BoardStates.Gone, (await BoardAsync(ingestor)).State);
    }

    [Fact]
    public async Task ABoardListingNoPostingsIsEmptyAndOkOnceItListsSome()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var none = Reply.Json("""{"jobs":[],"meta":{"total":0}}""");
        var states = new List<string>();
        foreach (var reply in new[] { none, Reply.Board("fal"), none, Reply.Error(500), none })
        {
            ingestor.Greenhouse.Script("fal", reply);
            await ingestor.PollAsync("fal");
            states.Add((await BoardAsync(ingestor)).State);
        }

        Assert.Equal([BoardStates.Empty, BoardStates.Ok, BoardStates.Empty, BoardStates.Failing, BoardStates.Empty], states);
    }
}
