using System.Text.Json.Nodes;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>A keyset walk over a board the worker keeps rewriting.</summary>
public sealed class JobSliceWalkTests(TestServers servers)
{
    [Fact]
    public async Task AWalkServesEveryPostingOnceWhilePollsRewriteTheBoardBetweenItsPages()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("stripe");
        var ids = board.Jobs.Select(job => (long)job!["id"]!).ToList();
        // The board as it keeps changing: 20 postings gone (closed), 20 retitled (updated), 20 new (opened, so sorted before
        // everything a walk has passed: an offset would shift and serve postings twice); and back again on the next poll.
        var changed = board.Copy();
        foreach (var id in ids.Take(20))
            changed.Without(id);
        foreach (var id in ids.Skip(20).Take(20))
            changed.Edit(id, job => job["title"] = $"{job["title"]} (renamed)");
        foreach (var id in ids.Skip(40).Take(20))
        {
            var opened = changed.Job(id).DeepClone().AsObject();
            opened["id"] = id + 1_000_000;
            changed.Jobs.Add(opened);
        }
        changed.DeclaringTotal(changed.Jobs.Count);
        ingestor.Greenhouse.Script("stripe", [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? board.Reply() : changed.Reply())]);
        await ingestor.PollAsync("stripe");
        var before = await ingestor.QueryAsync<string>("select job_id from postings");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        var committed = 0;
        using var walked = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!walked.IsCancellationRequested)
            {
                await ingestor.PollAsync("stripe");
                Interlocked.Increment(ref committed);
            }
        }, TestContext.Current.CancellationToken);
        // The next poll is already writing while a page is read, and each page waits for one more poll to commit.
        var records = await api.WalkAsync("limit=150", async () =>
        {
            for (var seen = Volatile.Read(ref committed); Volatile.Read(ref committed) == seen;)
                await Task.Delay(20, TestContext.Current.CancellationToken);
        });
        await walked.CancelAsync();
        await writer;

        var served = records.JobIds().ToList();
        Assert.Equal(547, before.Count);
        Assert.Equal(served.Count, served.Distinct().Count());
        // Every posting there before the walk, once; the ones opened meanwhile sort before its start, left to the next walk.
        Assert.Equal(before.Order(), served.Order());
        Assert.True(committed >= 3, $"{committed} polls committed during a walk of 4 pages");
        var events = await ingestor.QueryAsync<string>("select distinct event_type from job_events");
        Assert.Equal(["closed", "opened", "reopened", "updated"], events.Order());
    }
}
