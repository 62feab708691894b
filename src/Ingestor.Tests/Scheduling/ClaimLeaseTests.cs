using Ingestor.Archive;
using Ingestor.Scheduling;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Scheduling;

/// <summary>A claim is a lease: the poll's end schedules the next poll; a replica that dies mid-poll holds its boards only until the lease ends.</summary>
public sealed class ClaimLeaseTests(TestServers servers)
{
    private sealed record Claim(string? ClaimedBy, DateTime? ClaimedUntil, DateTime NextPollAt, DateTime Now, TimeSpan Interval);

    private const string ClaimSql =
        "select claimed_by, claimed_until, next_poll_at, now() as now, poll_interval as interval from boards where board_token = 'fal'";

    [Theory]
    [InlineData(200)]
    [InlineData(503)]
    public async Task APollThatOutlastedItsLeaseLeavesTheReplicaThatClaimedTheBoardSinceItsClaimAndItsSchedule(int status)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, ArchiveKind.File, new Dictionary<string, string?> { ["Greenhouse:MaxRetryAttempts"] = "1" });
        ingestor.Greenhouse.Script("fal", status == 200 ? Reply.Board("fal") : Reply.Error(status));
        await ingestor.RegisterAsync("fal");
        // Another replica claimed the board after this poll's lease ran out, and is polling it now.
        var claimedSince = (await ingestor.QueryAsync<Claim>(
            $"update boards set claimed_by = 'another-replica/1', claimed_until = now() + interval '3 minutes', next_poll_at = now() + interval '3 minutes' returning {ClaimSql[7..ClaimSql.IndexOf(" from ", StringComparison.Ordinal)]}")).Single();

        await ingestor.PollAsync("fal");
        var after = (await ingestor.QueryAsync<Claim>(ClaimSql)).Single();

        Assert.Equal(("another-replica/1", claimedSince.ClaimedUntil, claimedSince.NextPollAt), (after.ClaimedBy, after.ClaimedUntil, after.NextPollAt));
        await ingestor.ScalarAsync<int>("update boards set claimed_until = now() - interval '1 second' returning 1");
        await ingestor.PollAsync("fal");
        var expired = (await ingestor.QueryAsync<Claim>(ClaimSql)).Single();
        Assert.Null(expired.ClaimedBy);
        Assert.True(expired.NextPollAt > expired.Now + TimeSpan.FromMinutes(5), $"the next poll is at {expired.NextPollAt}, now {expired.Now}");
    }

    [Fact]
    public async Task AClaimedBoardIsHeldForTheLeaseAndTheEndOfItsPollSchedulesTheNextAnIntervalOnAndReleasesIt()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, ArchiveKind.File, new Dictionary<string, string?>
        {
            ["Scheduling:ClaimLease"] = "00:02:00",
            ["Greenhouse:AttemptTimeout"] = "00:03:00",
            ["Greenhouse:TotalTimeout"] = "00:05:00",
        });
        var answer = new TaskCompletionSource();
        ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { Hold = answer.Task });
        await ingestor.RegisterAsync("fal");

        var flow = ingestor.Get<DueBoardFlow>().RunAsync(TestContext.Current.CancellationToken);
        while (ingestor.Greenhouse.Requests("fal") == 0)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        var held = (await ingestor.QueryAsync<Claim>(ClaimSql)).Single();
        answer.SetResult();
        await flow;
        var released = (await ingestor.QueryAsync<Claim>(ClaimSql)).Single();

        Assert.Equal(Boards.Replica, held.ClaimedBy);
        Assert.InRange(held.ClaimedUntil!.Value - held.Now, TimeSpan.FromMinutes(1.9), TimeSpan.FromMinutes(2));
        // The claim holds the board; its due time stays as it was.
        Assert.True(held.NextPollAt <= held.Now, $"next poll {held.NextPollAt}, now {held.Now}");
        Assert.Empty(await ingestor.Get<Boards>().ClaimDueAsync(10, TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken));
        Assert.Null(released.ClaimedBy);
        Assert.Null(released.ClaimedUntil);
        Assert.InRange(released.NextPollAt - released.Now, released.Interval * 0.89, released.Interval * 1.1);
    }

    [Fact]
    public async Task AWorkerKilledMidPollLeavesItsBoardToTheNextWorkerWhenTheLeaseEndsNotAnIntervalLater()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var settings = new Dictionary<string, string?>(ingestor.Settings)
        {
            ["Polling:Boards:0"] = "fal",
            ["Scheduling:SweepInterval"] = "00:00:01",
            ["Scheduling:ClaimLease"] = "00:00:05",
            ["Greenhouse:AttemptTimeout"] = "00:03:00",
            ["Greenhouse:TotalTimeout"] = "00:05:00",
        };
        var never = new TaskCompletionSource();
        ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { Hold = never.Task });

        Claim held;
        int killedId;
        await using (var killed = IngestorProcess.Start(settings))
        {
            for (var waited = 0; ingestor.Greenhouse.Requests("fal") == 0 && waited < 600; waited++)
                await Task.Delay(100, TestContext.Current.CancellationToken);
            Assert.True(ingestor.Greenhouse.Requests("fal") == 1, killed.Error);
            held = (await ingestor.QueryAsync<Claim>(ClaimSql)).Single();
            killedId = killed.Id;
            await killed.KillAsync();
        }
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await using var next = IngestorProcess.Start(settings);
        for (var waited = 0; await ingestor.ScalarAsync<int>("select count(*) from polls") == 0 && waited < 600; waited++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        var polledAt = await ingestor.ScalarAsync<DateTime>("select started_at from polls");

        Assert.Equal($"{Environment.MachineName}/{killedId}", held.ClaimedBy);
        Assert.Equal("succeeded", await ingestor.ScalarAsync<string>("select outcome from polls"));
        // Taken over when the dead worker's lease ended, not a poll interval (10 minutes) after its claim.
        Assert.InRange(polledAt, held.ClaimedUntil!.Value, held.ClaimedUntil.Value.AddSeconds(30));
        Assert.Equal(1, ingestor.Greenhouse.Requests("fal"));
        never.SetResult();
    }

    [Fact]
    public async Task OnSigtermThePollInFlightFinishesIsRecordedAndReleasesItsBoard()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var settings = new Dictionary<string, string?>(ingestor.Settings)
        {
            ["Polling:Boards:0"] = "fal",
            ["Scheduling:SweepInterval"] = "00:00:01",
            ["Greenhouse:AttemptTimeout"] = "00:03:00",
            ["Greenhouse:TotalTimeout"] = "00:05:00",
        };
        var answer = new TaskCompletionSource();
        ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { Hold = answer.Task });
        await using var worker = IngestorProcess.Start(settings);
        for (var waited = 0; ingestor.Greenhouse.Requests("fal") == 0 && waited < 600; waited++)
            await Task.Delay(100, TestContext.Current.CancellationToken);

        worker.Terminate();
        // Longer than the two seconds System.CommandLine would allow by default.
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        answer.SetResult();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromMinutes(1));
        var released = (await ingestor.QueryAsync<Claim>(ClaimSql)).Single();

        Assert.True(exitCode == 0, worker.Error);
        Assert.Equal("succeeded", await ingestor.ScalarAsync<string>("select outcome from polls"));
        Assert.Equal(
            await ingestor.ScalarAsync<int>("select job_count from polls"),
            await ingestor.ScalarAsync<int>("select count(*) from job_events where event_type = 'opened'"));
        Assert.Null(released.ClaimedBy);
        Assert.True(released.NextPollAt - released.Now > released.Interval * 0.8, "the next poll is an interval on");
    }
}
