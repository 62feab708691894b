using System.Text.Json;
using System.Text.Json.Nodes;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Storage;

/// <summary>
/// Polls past their retention go unless something names them: an event, a close's evidence, a pending close, a board's snapshot.
/// The test clock puts every poll on the recorded day, so "before" is chosen around it; poll ids carry the real time.
/// </summary>
public sealed class PollRetentionTests(TestServers servers)
{
    private const long Advocate = 4012000002;

    private static DateTimeOffset AfterEveryPoll => DateTimeOffset.UtcNow.AddMinutes(1);

    private static Reply Indented(Reply reply) => Reply.Json(JsonNode.Parse(reply.Body)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    [Fact]
    public async Task PollsThatNothingNamesGoAndThoseAnEventAClosesEvidenceAPendingCloseOrTheSnapshotNamesStay()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        var dropped = fal.Copy().Without(Advocate);
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Reply(), dropped.Reply(), dropped.Reply(), dropped.Reply(), dropped.Reply(), Indented(dropped.Reply()));
        ingestor.Greenhouse.Script($"fal/jobs/{Advocate}", Reply.Error(403));

        var opened = await ingestor.PollAsync("fal");
        var unchanged = await ingestor.PollAsync("fal");
        var firstAbsence = await ingestor.PollAsync("fal");
        var secondAbsence = await ingestor.PollAsync("fal");
        var unchangedAfterTheClose = await ingestor.PollAsync("fal");
        var waitedOn = await ingestor.PollAsync("fal");
        var snapshot = await ingestor.PollAsync("fal");
        // A pending close names the poll that first missed its posting; this one's close is made up, to keep waitedOn unnamed otherwise.
        await ingestor.ScalarAsync<int>(
            "update boards set pending_closes = jsonb_build_object('some-job', @PollId::text) returning 1", new { waitedOn.PollId });

        var walk = await ingestor.Get<PollRetention>().PruneAsync(AfterEveryPoll, after: null, progress: null, CancellationToken.None);

        Assert.Equal((3, 0, 0, 1, 0, 0, 0), (opened.Opened, unchanged.Opened, firstAbsence.Closed, secondAbsence.Closed, unchangedAfterTheClose.Closed, waitedOn.Closed, snapshot.Closed));
        Assert.Equal(snapshot.PollId, await ingestor.ScalarAsync<Guid>("select snapshot_poll_id from boards"));
        Assert.Equal(2, walk.Pruned);
        Assert.Equal(
            new[] { opened.PollId, firstAbsence.PollId, secondAbsence.PollId, waitedOn.PollId, snapshot.PollId }.Order(),
            (await ingestor.QueryAsync<Guid>("select poll_id from polls")).Order());
    }

    [Fact]
    public async Task PollsStartedSinceTheCutoffStayAndAWalkGoesOnFromWhereTheLastStopped()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");
        var retention = ingestor.Get<PollRetention>();
        var firstStart = await ingestor.ScalarAsync<DateTime>("select min(started_at) from polls");

        var beforeAny = await retention.PruneAsync(new DateTimeOffset(firstStart, TimeSpan.Zero), after: null, progress: null, CancellationToken.None);
        var first = await retention.PruneAsync(AfterEveryPoll, after: null, progress: null, CancellationToken.None);
        var nothingNew = await retention.PruneAsync(AfterEveryPoll, first.LastExamined, progress: null, CancellationToken.None);
        var later = await ingestor.PollAsync("fal");
        var next = await retention.PruneAsync(AfterEveryPoll, first.LastExamined, progress: null, CancellationToken.None);

        Assert.Equal(0, beforeAny.Pruned);
        Assert.Equal(1, first.Pruned);
        Assert.Equal((first.LastExamined, 0L), (nothingNew.LastExamined, nothingNew.Pruned));
        Assert.Equal((later.PollId, 1L), (next.LastExamined, next.Pruned));
        Assert.Equal(1, await ingestor.ScalarAsync<int>("select count(*)::int from polls"));
    }

    [Fact]
    public async Task AFailedPollGoesButThe404sThatConfirmedABoardGoneStayAsTheirClosesEvidence()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?>
        {
            ["Greenhouse:MaxRetryAttempts"] = "1",
            ["Scheduling:GoneAfterFailures"] = "2",
            ["Scheduling:GoneAfter"] = "00:00:00",
        });
        // One retry: the 503 is asked twice.
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"), Reply.Error(503), Reply.Error(503), Reply.Board("fal"), Reply.Error(404));
        await ingestor.PollAsync("fal");
        var failed = await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");
        var firstNotFound = await ingestor.PollAsync("fal");
        var confirmed = await ingestor.PollAsync("fal");

        var walk = await ingestor.Get<PollRetention>().PruneAsync(AfterEveryPoll, after: null, progress: null, CancellationToken.None);

        Assert.Equal((PollOutcome.Failed, 0, 3), (failed.Outcome, firstNotFound.Closed, confirmed.Closed));
        Assert.Equal(2, walk.Pruned);
        var left = await ingestor.QueryAsync<Guid>("select poll_id from polls");
        Assert.DoesNotContain(failed.PollId, left);
        Assert.Contains(firstNotFound.PollId, left);
        Assert.Contains(confirmed.PollId, left);
    }

    [Fact]
    public async Task PrunePollsDeletesThePollsPastTheRetentionAndSaysHowMany()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = await ingestor.RegisterAsync("fal");
        foreach (var daysAgo in new[] { 45, 31, 29 })
        {
            var started = DateTimeOffset.UtcNow.AddDays(-daysAgo);
            await ingestor.ScalarAsync<int>(
                "insert into polls (poll_id, source_id, started_at, finished_at, outcome) values (@Id, @SourceId, @Started, @Started, 'succeeded') returning 1",
                new { Id = Guid.CreateVersion7(started), board.SourceId, Started = started.UtcDateTime });
        }

        var (exitCode, output, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--prune-polls");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error.Trim());
        Assert.Contains($"pruned 2 polls started before {DateTimeOffset.UtcNow.AddDays(-30):yyyy-MM-dd}", output);
        Assert.Equal(1, await ingestor.ScalarAsync<int>("select count(*)::int from polls"));
    }

    [Fact]
    public void TheFirstIdOfAMomentOrdersAsPostgreSqlOrdersUuidsBetweenTheIdsMadeBeforeAndAfterIt()
    {
        var made = Guid.CreateVersion7(new DateTimeOffset(2026, 11, 30, 12, 0, 0, 500, TimeSpan.Zero));

        // PostgreSQL compares uuids byte by byte, which is the order of their text.
        Assert.True(string.CompareOrdinal(PollRetention.FirstIdAt(new DateTimeOffset(2026, 11, 30, 12, 0, 0, 500, TimeSpan.Zero)).ToString(), made.ToString()) <= 0);
        Assert.True(string.CompareOrdinal(made.ToString(), PollRetention.FirstIdAt(new DateTimeOffset(2026, 11, 30, 12, 0, 0, 501, TimeSpan.Zero)).ToString()) < 0);
    }
}
