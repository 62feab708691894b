using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ingestor.Archive;
using Ingestor.Scheduling;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Scheduling;

/// <summary>The scheduled poll: due boards flow through the poll slots; a slow board holds one slot, not the round.</summary>
public sealed class DueBoardFlowTests(TestServers servers)
{
    private static Task<TestIngestor> StartAsync(TestServers servers, TimeProvider? clock = null, params (string Key, string? Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            // A held board must outlast the rest of the test, however slow the machine.
            ["Greenhouse:AttemptTimeout"] = "00:03:00",
            ["Greenhouse:TotalTimeout"] = "00:05:00",
            ["Greenhouse:MaxRequestsPerSecond"] = "1000",
        };
        foreach (var (key, value) in settings)
            configuration[key] = value;
        return TestIngestor.StartAsync(servers, ArchiveKind.File, configuration, clock);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromMinutes(2); waited += TimeSpan.FromMilliseconds(100))
        {
            if (await condition())
                return;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task WithTwoSlotsTwentyFastBoardsAreAllPolledBeforeASlowOneFinishes()
    {
        await using var ingestor = await StartAsync(servers, settings: ("Polling:MaxConcurrentBoards", "2"));
        var slowAnswers = new TaskCompletionSource();
        ingestor.Greenhouse.Script("slow", Reply.Board("fal") with { Hold = slowAnswers.Task });
        var fast = Enumerable.Range(0, 20).Select(i => $"fast-{i:00}").ToList();
        foreach (var token in fast)
        {
            ingestor.Greenhouse.Script(token, Reply.Board("empty"));
            await ingestor.RegisterAsync(token);
        }
        await ingestor.RegisterAsync("slow");
        await ingestor.ScalarAsync<int>("update boards set next_poll_at = now() - interval '1 minute' where board_token = 'slow'");

        var flow = ingestor.Get<DueBoardFlow>().RunAsync(TestContext.Current.CancellationToken);
        await WaitForAsync(async () => await ingestor.ScalarAsync<int>("select count(*) from polls") >= fast.Count);
        var polledWhileSlowHeld = await ingestor.QueryAsync<string>("select b.board_token from polls p join boards b using (source_id)");
        slowAnswers.SetResult();
        await flow;

        Assert.Equal(fast, polledWhileSlowHeld.Order());
        var byFinish = await ingestor.QueryAsync<string>(
            "select b.board_token from polls p join boards b using (source_id) where p.outcome = 'succeeded' order by p.finished_at");
        Assert.Equal(21, byFinish.Count);
        Assert.Equal("slow", byFinish[^1]);
        Assert.All([.. fast, "slow"], token => Assert.Equal(1, ingestor.Greenhouse.Requests(token)));
    }

    [Fact]
    public async Task AClaimTakesABoardForEverySlotAndBoardsClaimedButNotStartedAreGivenBackWhenTheSweepStops()
    {
        await using var ingestor = await StartAsync(servers, settings: ("Polling:MaxConcurrentBoards", "2"));
        var held = new TaskCompletionSource();
        // Due in this order: the first claim starts held-a and fast-1; when fast-1 ends, the next claim takes held-b and
        // fast-2, and fast-2 waits for a slot that both held boards keep.
        foreach (var (token, minutesAgo) in new[] { ("held-a", 4), ("fast-1", 3), ("held-b", 2), ("fast-2", 1) })
        {
            ingestor.Greenhouse.Script(token, token.StartsWith("held", StringComparison.Ordinal) ? Reply.Board("empty") with { Hold = held.Task } : Reply.Board("empty"));
            await ingestor.RegisterAsync(token);
            await ingestor.ScalarAsync<int>(
                "update boards set next_poll_at = now() - make_interval(mins => @MinutesAgo) where board_token = @Token", new { Token = token, MinutesAgo = minutesAgo });
        }
        using var sweep = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var flow = ingestor.Get<DueBoardFlow>().RunAsync(sweep.Token);
        await WaitForAsync(() => Task.FromResult(ingestor.Greenhouse.Requests("held-b") > 0));
        var claimedWhileHeld = await ingestor.QueryAsync<string>("select board_token from boards where claimed_by is not null order by board_token");
        await sweep.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => flow);
        held.SetResult();

        Assert.Equal(["fast-2", "held-a", "held-b"], claimedWhileHeld);
        Assert.Equal(0, ingestor.Greenhouse.Requests("fast-2"));
        Assert.Null(await ingestor.ScalarAsync<string?>("select claimed_by from boards where board_token = 'fast-2'"));
        Assert.Equal(["fast-2"], (await ingestor.Get<Boards>().ClaimDueAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None)).Select(due => due.Board.BoardToken));
    }

    [Fact]
    public async Task AClaimThisReplicaLeftBehindIsGivenBackAtItsNextSweepAndAnotherReplicasIsNot()
    {
        await using var ingestor = await StartAsync(servers);
        foreach (var token in new[] { "left", "other" })
        {
            ingestor.Greenhouse.Script(token, Reply.Board("empty"));
            await ingestor.RegisterAsync(token);
        }
        // A poll cut off with the database (it could not record its end) leaves its board claimed for the whole lease.
        await ingestor.ScalarAsync<int>(
            "update boards set claimed_by = case when board_token = 'left' then @Replica else 'elsewhere/1' end, claimed_until = now() + interval '5 minutes' returning 1",
            new { Boards.Replica });

        await ingestor.Get<DueBoardFlow>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 0), (ingestor.Greenhouse.Requests("left"), ingestor.Greenhouse.Requests("other")));
        Assert.Equal("elsewhere/1", await ingestor.ScalarAsync<string?>("select claimed_by from boards where board_token = 'other'"));
    }

    [Fact]
    public async Task ABoardFallingDueWhileAPollRunsIsPolledWithoutWaitingForIt()
    {
        await using var ingestor = await StartAsync(servers, settings: ("Scheduling:SweepInterval", "00:00:01"));
        var slowAnswers = new TaskCompletionSource();
        ingestor.Greenhouse.Script("slow", Reply.Board("fal") with { Hold = slowAnswers.Task });
        ingestor.Greenhouse.Script("later", Reply.Board("empty"));
        await ingestor.RegisterAsync("slow");
        await ingestor.RegisterAsync("later");
        await ingestor.ScalarAsync<int>("update boards set next_poll_at = now() + interval '2 seconds' where board_token = 'later'");

        var flow = ingestor.Get<DueBoardFlow>().RunAsync(TestContext.Current.CancellationToken);
        await WaitForAsync(async () => await ingestor.ScalarAsync<int>("select count(*) from polls") >= 1);
        var polledWhileSlowHeld = await ingestor.QueryAsync<string>("select b.board_token from polls p join boards b using (source_id)");
        slowAnswers.SetResult();
        await flow;

        Assert.Equal(["later"], polledWhileSlowHeld);
        Assert.Equal(2, await ingestor.ScalarAsync<int>("select count(*) from polls where outcome = 'succeeded'"));
    }

    [Fact]
    public async Task TheLagFromDueTimeToPollStartIsRecordedForEveryClaimedBoard()
    {
        var lags = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Ingestor" && instrument.Name == "poll.start.lag")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => lags.Add(value));
        listener.Start();

        await using var ingestor = await StartAsync(servers, TimeProvider.System);
        foreach (var token in new[] { "one", "two", "three" })
        {
            ingestor.Greenhouse.Script(token, Reply.Board("empty"));
            await ingestor.RegisterAsync(token);
        }
        await ingestor.ScalarAsync<int>("update boards set next_poll_at = now() - interval '30 seconds'");

        await ingestor.Get<DueBoardFlow>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, lags.Count);
        Assert.All(lags, lag => Assert.InRange(lag, 30, 600));
    }

    [Fact]
    public async Task TheScheduleFetchesBoardsOfEveryProviderAlike()
    {
        await using var ingestor = await StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        ingestor.Greenhouse.Script("ashby:linear", Reply.Json(File.ReadAllBytes(RepositoryPaths.Samples("ashby/posting-api/job-board/linear.json"))));
        ingestor.Greenhouse.Script("lever:plaid", Reply.Json(File.ReadAllBytes(RepositoryPaths.Samples("lever/v0/postings/plaid.json"))));
        var company = RepositoryPaths.Samples("smartrecruiters/v1/companies/AcmeSynthetic");
        foreach (var offset in new[] { 0, 10, 20 })
            ingestor.Greenhouse.Script($"smartrecruiters:AcmeSynthetic?offset={offset}", Reply.Json(File.ReadAllBytes(Path.Combine(company, $"postings.offset-{offset}.json"))));
        foreach (var detail in Directory.GetFiles(Path.Combine(company, "postings")))
            ingestor.Greenhouse.Script($"smartrecruiters:AcmeSynthetic/{Path.GetFileNameWithoutExtension(detail)}", Reply.Json(File.ReadAllBytes(detail)));
        foreach (var board in new[] { "fal", "ashby:linear", "lever:plaid", "smartrecruiters:AcmeSynthetic" })
            await ingestor.RegisterAsync(board);

        await ingestor.Get<DueBoardFlow>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            [("ashby", 19), ("greenhouse", 3), ("lever", 20), ("smartrecruiters", 25)],
            await ingestor.QueryAsync<(string, int)>("select provider, count(*)::int from postings where status = 'active' group by provider order by provider"));
        Assert.Equal(4, await ingestor.ScalarAsync<int>("select count(*)::int from polls where outcome = 'succeeded'"));
    }
}
