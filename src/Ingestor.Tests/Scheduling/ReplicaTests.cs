using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Scheduling;

/// <summary>Three worker processes on one database, one of them killed mid-sweep.</summary>
public sealed class ReplicaTests(TestServers servers, ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(4);
    // Longer than a poll takes even on a loaded machine, with three replicas still compiling their code: a poll that outlasts
    // its lease may be fetched twice. Eight seconds was once too short under the whole suite's load.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Fetch = TimeSpan.FromSeconds(2);

    private sealed record Poll(string Board, DateTime StartedAt);

    private sealed record Held(string Board, DateTime ClaimedUntil);

    [Fact]
    public async Task ThreeReplicasNeverFetchABoardTwiceInAnIntervalAndTakeOverAKilledOnesBoardsWhenItsLeaseEnds()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var boards = Enumerable.Range(0, 30).Select(i => $"replica-{i:00}").ToList();
        foreach (var board in boards)
        {
            // Every fetch takes a while, so a replica always has polls in flight when it is killed.
            ingestor.Greenhouse.Script(board, Reply.Board("fal") with { Delay = Fetch });
            await ingestor.RegisterAsync(board);
        }
        await ingestor.ScalarAsync<int>("update boards set poll_interval = @Interval, next_poll_at = now() returning 1", new { Interval });
        var settings = new Dictionary<string, string?>(ingestor.Settings)
        {
            ["Scheduling:SweepInterval"] = Sweep.ToString(),
            ["Scheduling:ClaimLease"] = Lease.ToString(),
        };

        var replicas = Enumerable.Range(0, 3).Select(_ => IngestorProcess.Start(settings)).ToList();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(8), cancel);
            // Killed mid-sweep: the first replica seen holding two boards it claimed within the last second, so their fetches are in
            // flight and their leases have most of their time to run (a claim seen late in its lease may already be another
            // replica's). Whichever it is: boards come due in clumps, and a replica whose sweeps fall just after another's can go
            // a while claiming none.
            var fresh = new { ClaimedWithin = TimeSpan.FromSeconds(1), Lease };
            string? claimant;
            for (var waited = 0; (claimant = await ingestor.ScalarAsync<string?>(
                     """
                     select claimed_by from boards where claimed_until > now() + @Lease - @ClaimedWithin
                     group by claimed_by having count(*) >= 2 limit 1
                     """, fresh)) is null; waited++)
            {
                Assert.True(waited < 1500, $"no replica held two fresh claims within 30 s; they wrote to standard error: {string.Concat(replicas.Select(r => r.Error))}");
                await Task.Delay(20, cancel);
            }
            var victim = replicas.Single(replica => claimant == $"{Environment.MachineName}/{replica.Id}");
            await victim.KillAsync();
            var killed = new { Replica = claimant };
            var held = await ingestor.QueryAsync<Held>("select board_token as board, claimed_until from boards where claimed_by = @Replica", killed);
            await Task.Delay(Lease + TimeSpan.FromSeconds(12), cancel);
            // No poll starts any more, and the live replicas stop with nothing in flight: each of their fetches is a recorded poll.
            await ingestor.ScalarAsync<int>("update boards set enabled = false returning 1");
            for (var waited = 0; await ingestor.ScalarAsync<int>("select count(*)::int from boards where claimed_by is not null") > 0; waited++)
            {
                Assert.True(waited < 600, "the live replicas still hold boards 30 s after polling stopped");
                await Task.Delay(50, cancel);
            }
            foreach (var replica in replicas.Where(replica => replica != victim))
                replica.Terminate();
            foreach (var replica in replicas.Where(replica => replica != victim))
                Assert.Equal(0, await replica.WaitForExitAsync(TimeSpan.FromMinutes(1)));

            var fetches = boards.Sum(ingestor.Greenhouse.Requests);
            var recorded = await ingestor.ScalarAsync<int>("select count(*)::int from polls");
            var polls = await ingestor.QueryAsync<Poll>(
                "select b.board_token as board, p.started_at from polls p join boards b using (source_id) where p.outcome = 'succeeded' order by 1, 2");
            var gaps = polls.GroupBy(p => p.Board)
                .SelectMany(board => board.Zip(board.Skip(1), (first, next) => next.StartedAt - first.StartedAt)).ToList();
            var span = polls.Max(p => p.StartedAt) - polls.Min(p => p.StartedAt);
            output.WriteLine($"{polls.Count} polls of {boards.Count} boards over {span.TotalSeconds:0.0} s: " +
                             $"{polls.Count / (boards.Count * span / Interval):0.00} polls per board per interval; " +
                             $"gaps {gaps.Min().TotalSeconds:0.0}–{gaps.Max().TotalSeconds:0.0} s; {held.Count} boards held by the killed replica");

            Assert.All(boards, board => Assert.True(polls.Count(p => p.Board == board) >= 2, $"{board} was left behind"));
            // No double fetch: a board's next poll starts no sooner than its interval (less jitter) after the last; and every
            // fetch but those the killed replica had in flight is a recorded poll.
            Assert.All(gaps, gap => Assert.True(gap >= Interval * 0.9, $"a board was polled again after {gap}"));
            Assert.InRange(fetches - recorded, 0, held.Count);
            // The killed replica's boards wait for its lease to end, then another replica takes them.
            Assert.NotEmpty(held);
            Assert.All(held, board => Assert.Contains(polls, p => p.Board == board.Board && p.StartedAt >= board.ClaimedUntil));
            Assert.All(held, board => Assert.DoesNotContain(polls, p => p.Board == board.Board && p.StartedAt > board.ClaimedUntil - Lease && p.StartedAt < board.ClaimedUntil));
            var byReplica = await ingestor.QueryAsync<int>("select count(*)::int from boards where claimed_by is not null");
            Assert.Equal([0], byReplica);
        }
        finally
        {
            foreach (var replica in replicas)
                await replica.DisposeAsync();
        }
    }
}
