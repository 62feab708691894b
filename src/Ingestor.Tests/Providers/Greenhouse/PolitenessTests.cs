using System.Diagnostics;
using Ingestor.Archive;
using Ingestor.Polling;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Providers.Greenhouse;

/// <summary>Per-host limits, observed at the fake Greenhouse: every request counted where it arrives.</summary>
public sealed class PolitenessTests(TestServers servers)
{
    private static async Task<IReadOnlyList<BoardRef>> RegisterAsync(TestIngestor ingestor, IEnumerable<string> tokens) =>
        [.. await Task.WhenAll(tokens.Select(ingestor.RegisterAsync))];

    [Fact]
    public async Task RequestsToOneHostNeverExceedItsRateRetriesIncluded()
    {
        const double perSecond = 4;
        await using var ingestor = await TestIngestor.StartAsync(servers, ArchiveKind.File, new Dictionary<string, string?>
        {
            ["Greenhouse:MaxRequestsPerSecond"] = "4",
            ["Greenhouse:MaxConcurrentRequests"] = "8",
            ["Polling:MaxConcurrentBoards"] = "8",
        });
        var tokens = Enumerable.Range(0, 9).Select(i => $"board-{i}").ToList();
        foreach (var token in tokens)
            ingestor.Greenhouse.Script(token, Reply.Board("empty"));
        ingestor.Greenhouse.Script("flaky", Reply.Error(503), Reply.Error(503), Reply.Board("empty"));
        ingestor.Greenhouse.Script("warm-up", Reply.Board("empty"));
        var boards = await RegisterAsync(ingestor, [.. tokens, "flaky"]);
        // A first poll warms the service up, so the ones measured reach the server as fast as the limits allow.
        await ingestor.PollAsync("warm-up");

        var start = Stopwatch.GetTimestamp();
        var polls = await ingestor.Get<BoardSweep>().PollAsync(boards, null, TestContext.Current.CancellationToken);

        Assert.All(polls, poll => Assert.Equal(PollOutcome.Succeeded, poll.Outcome));
        var arrivals = ingestor.Greenhouse.Arrivals.Where(a => a.Token != "warm-up")
            .Select(a => Stopwatch.GetElapsedTime(start, a.Timestamp)).Order().ToList();
        Assert.Equal(12, arrivals.Count);
        // A bucket of one token: the first request goes at once, and each later one needs a token of its own, a period
        // apart; a token may come due just after the start, so the k-th request (from 0) arrives no sooner than k - 1
        // periods in. A little slack for timers that wake a few milliseconds early; a slow machine only adds time.
        var period = TimeSpan.FromSeconds(1 / perSecond);
        for (var k = 1; k < arrivals.Count; k++)
            Assert.True(arrivals[k] >= period * (k - 1) - TimeSpan.FromMilliseconds(20),
                $"request {k} arrived {arrivals[k].TotalMilliseconds:0} ms in, before {(period * (k - 1)).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ARateFasterThanATimerCanTickStillLetsEveryRequestThrough()
    {
        // A period under a millisecond would make a timer that never ticks again: every request after the first would wait.
        await using var ingestor = await TestIngestor.StartAsync(servers, ArchiveKind.File, new Dictionary<string, string?>
        {
            ["Greenhouse:MaxRequestsPerSecond"] = "50000",
            ["Greenhouse:AttemptTimeout"] = "00:00:05",
        });
        var tokens = Enumerable.Range(0, 30).Select(i => $"fast-{i}").ToList();
        foreach (var token in tokens)
            ingestor.Greenhouse.Script(token, Reply.Board("empty"));

        var polls = await ingestor.Get<BoardSweep>().PollAsync(await RegisterAsync(ingestor, tokens), null, TestContext.Current.CancellationToken);

        Assert.All(polls, poll => Assert.Equal(PollOutcome.Succeeded, poll.Outcome));
        Assert.Equal(30, ingestor.Greenhouse.Arrivals.Count);
    }

    [Fact]
    public async Task RequestsOpenAtOnceToOneHostNeverExceedTheLimit()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, ArchiveKind.File, new Dictionary<string, string?>
        {
            ["Greenhouse:MaxRequestsPerSecond"] = "1000",
            ["Greenhouse:MaxConcurrentRequests"] = "2",
            ["Polling:MaxConcurrentBoards"] = "8",
        });
        var tokens = Enumerable.Range(0, 8).Select(i => $"board-{i}").ToList();
        foreach (var token in tokens)
            ingestor.Greenhouse.Script(token, Reply.Board("fal") with { Delay = TimeSpan.FromMilliseconds(200) });

        var polls = await ingestor.Get<BoardSweep>().PollAsync(await RegisterAsync(ingestor, tokens), null, TestContext.Current.CancellationToken);

        Assert.All(polls, poll => Assert.Equal(PollOutcome.Succeeded, poll.Outcome));
        Assert.Equal(8, ingestor.Greenhouse.Arrivals.Count);
        Assert.InRange(ingestor.Greenhouse.MostOpenAtOnce, 1, 2);
    }

    [Fact]
    public async Task ARetryAfterOnOneBoardHoldsTheNextRequestToAnotherBoardOfTheSameHost()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, ArchiveKind.File, new Dictionary<string, string?>
        {
            ["Greenhouse:MaxRequestsPerSecond"] = "1000",
            // One request open at a time: the other board's request can only start once the 429 has been seen.
            ["Greenhouse:MaxConcurrentRequests"] = "1",
            ["Greenhouse:MaxRetryAfter"] = "00:00:05",
        });
        ingestor.Greenhouse.Script("limited", Reply.Error(429) with { RetryAfter = "1" }, Reply.Board("fal"));
        ingestor.Greenhouse.Script("other", Reply.Board("fal"));
        var limited = await ingestor.RegisterAsync("limited");
        var other = await ingestor.RegisterAsync("other");
        var poller = ingestor.Get<BoardPoller>();

        var limitedPoll = poller.PollAsync(limited, TestContext.Current.CancellationToken);
        while (ingestor.Greenhouse.Requests("limited") == 0)
            await Task.Delay(10, TestContext.Current.CancellationToken);
        var otherPoll = await poller.PollAsync(other, TestContext.Current.CancellationToken);

        Assert.Equal(PollOutcome.Succeeded, otherPoll.Outcome);
        Assert.Equal(PollOutcome.Succeeded, (await limitedPoll).Outcome);
        var arrivals = ingestor.Greenhouse.Arrivals;
        var rateLimited = arrivals.First(a => a.Token == "limited").Timestamp;
        var next = arrivals.Single(a => a.Token == "other").Timestamp;
        Assert.True(Stopwatch.GetElapsedTime(rateLimited, next) >= TimeSpan.FromSeconds(1),
            $"the other board was asked {Stopwatch.GetElapsedTime(rateLimited, next).TotalMilliseconds:0} ms after the 429");
    }
}
