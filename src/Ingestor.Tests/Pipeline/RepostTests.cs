using System.Globalization;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>
/// An employer closes a posting and opens the same job under a new id: the new posting names the one it reposts, and both
/// share a line (lineage_id, lineage_first_seen_at) that a reader can follow across requisitions.
/// </summary>
public sealed class RepostTests(TestServers servers)
{
    private const long Advocate = 4012000002;

    private sealed record Line(string JobId, string? RepostedFrom, string LineageId, DateTime LineageFirstSeenAt, DateTime FirstSeenAt);

    private static string JobIdOf(string board, long id) => JobId.For("greenhouse", board, id.ToString(CultureInfo.InvariantCulture));

    private static async Task<Dictionary<string, Line>> LinesAsync(TestIngestor ingestor) =>
        (await ingestor.QueryAsync<Line>("select job_id, reposted_from, lineage_id, lineage_first_seen_at, first_seen_at from postings"))
        .ToDictionary(line => line.JobId);

    private static async Task<Dictionary<string, string>> RepostsOpenedAsync(TestIngestor ingestor) =>
        (await ingestor.QueryAsync<(string JobId, string RepostedFrom)>(
            "select job_id, reposted_from from job_events where event_type = 'opened' and reposted_from is not null"))
        .ToDictionary(e => e.JobId, e => e.RepostedFrom);

    /// <summary>fal's advocate posting closed, and two new boards of the company (fal-careers, fal-jobs) each listing its repost.</summary>
    private async Task<TestIngestor> AdvocateClosedAndRepostedOnTwoNewBoardsAsync()
    {
        var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        var moved = fal.Copy().Reposted(Advocate, 4019000001);
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Copy().Without(Advocate).Reply());
        ingestor.Greenhouse.Script("fal-careers", moved.Reply());
        ingestor.Greenhouse.Script("fal-jobs", moved.Reply());
        await ingestor.PollAsync("fal");
        Assert.Equal(1, (await ingestor.PollAsync("fal")).Closed);
        return ingestor;
    }

    [Fact]
    public async Task ThirtyRepostedStripePostingsAreEachLinkedToThePostingTheyReplaceAndNoOtherIs()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var stripe = BoardPayload.Of("stripe");
        var reposted = stripe.Jobs.Select(job => (long)job!["id"]!).Order().Take(30).ToList();
        var next = stripe.Copy();
        foreach (var id in reposted)
            next.Reposted(id, id + 1_000_000_000);
        ingestor.Greenhouse.Script("stripe", stripe.Reply(), next.Reply());
        await ingestor.PollAsync("stripe");

        var poll = await ingestor.PollAsync("stripe");

        // Ten job pages are asked (and answer 404: closed); the other twenty are missing, waiting for a second list to close.
        Assert.Equal((30, 10), (poll.Opened, poll.Closed));
        var lines = await LinesAsync(ingestor);
        var expected = reposted.ToDictionary(id => JobIdOf("stripe", id + 1_000_000_000), id => JobIdOf("stripe", id));
        Assert.Equal(expected.OrderBy(e => e.Key), lines.Values.Where(l => l.RepostedFrom is not null).ToDictionary(l => l.JobId, l => l.RepostedFrom!).OrderBy(e => e.Key));
        Assert.All(expected, e => Assert.Equal((e.Value, lines[e.Value].FirstSeenAt), (lines[e.Key].LineageId, lines[e.Key].LineageFirstSeenAt)));
        Assert.All(lines.Values.Where(l => l.RepostedFrom is null), l => Assert.Equal((l.JobId, l.FirstSeenAt), (l.LineageId, l.LineageFirstSeenAt)));
        Assert.Equal(expected.OrderBy(e => e.Key), (await RepostsOpenedAsync(ingestor)).OrderBy(e => e.Key));
    }

    [Fact]
    public async Task ARepostOfARepostStaysInTheLineOfTheFirstPosting()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        const long second = 4019000001, third = 4019000002;
        var once = fal.Copy().Reposted(Advocate, second);
        ingestor.Greenhouse.Script("fal", fal.Reply(), once.Reply(), once.Copy().Reposted(second, third).Reply());
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((1, 1), (poll.Opened, poll.Closed));
        var lines = await LinesAsync(ingestor);
        var (first, middle, last) = (lines[JobIdOf("fal", Advocate)], lines[JobIdOf("fal", second)], lines[JobIdOf("fal", third)]);
        Assert.Equal((middle.JobId, first.JobId, first.FirstSeenAt), (last.RepostedFrom, last.LineageId, last.LineageFirstSeenAt));
        Assert.Equal((first.JobId, first.JobId, first.FirstSeenAt), (middle.RepostedFrom, middle.LineageId, middle.LineageFirstSeenAt));
        Assert.True(last.FirstSeenAt > middle.FirstSeenAt && middle.FirstSeenAt > first.FirstSeenAt);

        // What --show prints: the line on the posting, and the repost on its opening.
        var shown = (await ingestor.Get<PostingRecords>().FindAsync(last.JobId, CancellationToken.None))!;
        Assert.Equal((middle.JobId, first.JobId), ((string?)shown["posting"]!["reposted_from"], (string?)shown["posting"]!["lineage_id"]));
        Assert.Equal(middle.JobId, (string?)shown["events"]!.AsArray().Single(e => (string?)e!["event_type"] == "opened")!["reposted_from"]);
    }

    [Theory]
    [InlineData("30.00:00:00", true)]
    [InlineData("00:00:30", false)]
    public async Task APostingThatClosedIsRepostedOnlyWithinTheWindow(string window, bool linked)
    {
        // The test clock moves a minute with every reading: the posting closed at least a minute before its repost opened.
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["Polling:RepostWindow"] = window });
        var fal = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Copy().Without(Advocate).Reply(), fal.Copy().Reposted(Advocate, 4019000001).Reply());
        await ingestor.PollAsync("fal");
        Assert.Equal(1, (await ingestor.PollAsync("fal")).Closed);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(1, poll.Opened);
        var repost = (await LinesAsync(ingestor))[JobIdOf("fal", 4019000001)];
        Assert.Equal(linked ? JobIdOf("fal", Advocate) : null, repost.RepostedFrom);
        Assert.Equal(linked ? 1 : 0, (await RepostsOpenedAsync(ingestor)).Count);
    }

    [Fact]
    public async Task TwoNewPostingsLikeTheOneThatLeftAreNeitherLinked()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        var twice = fal.Copy().Reposted(Advocate, 4019000001);
        var copy = twice.Job(4019000001).DeepClone().AsObject();
        copy["id"] = 4019000002;
        twice.Jobs.Add(copy);
        twice.DeclaringTotal(4);
        ingestor.Greenhouse.Script("fal", fal.Reply(), twice.Reply());
        await ingestor.PollAsync("fal");

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((2, 1), (poll.Opened, poll.Closed));
        Assert.All((await LinesAsync(ingestor)).Values, line => Assert.Null(line.RepostedFrom));
    }

    [Fact]
    public async Task ANewBoardOfTheCompanyLinksItsRepostUnlessAnotherPollHoldsTheEarlierPosting()
    {
        await using var ingestor = await AdvocateClosedAndRepostedOnTwoNewBoardsAsync();
        var advocate = JobIdOf("fal", Advocate);

        // Another poll holding the closed posting (as one of another board of the company would, linking it) passes it over.
        PollRecord held;
        await using (var connection = await ingestor.Database.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (var other = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "select 1 from posting_rows where job_id = @advocate for update", new { advocate }, other);
            held = await ingestor.PollAsync("fal-careers");
        }
        var free = await ingestor.PollAsync("fal-jobs");

        Assert.Equal((PollOutcome.Succeeded, 3), (held.Outcome, held.Opened));
        var lines = await LinesAsync(ingestor);
        Assert.Null(lines[JobIdOf("fal-careers", 4019000001)].RepostedFrom);
        Assert.Equal((PollOutcome.Succeeded, 3), (free.Outcome, free.Opened));
        Assert.Equal((advocate, advocate), (lines[JobIdOf("fal-jobs", 4019000001)].RepostedFrom, lines[JobIdOf("fal-jobs", 4019000001)].LineageId));
        Assert.Single(lines.Values, line => line.RepostedFrom is not null);
    }

    [Fact]
    public async Task APollLocksOnlyThePostingItLinksSoAnotherPollAtOnceLinksTheOneThatLeftBeforeIt()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        const long Copy = 4019000002;
        var fal = BoardPayload.Of("fal");
        var withCopy = fal.Copy();
        var copy = withCopy.Job(Advocate).DeepClone().AsObject();
        copy["id"] = Copy;
        withCopy.Jobs.Add(copy);
        withCopy.DeclaringTotal(4);
        // The copy leaves first, then the advocate posting: two earlier postings a repost of either could replace.
        ingestor.Greenhouse.Script("fal", withCopy.Reply(), fal.Reply(), fal.Copy().Without(Advocate).Reply());
        ingestor.Greenhouse.Script("fal-careers", fal.Copy().Reposted(Advocate, 4019000001).Reply());
        ingestor.Greenhouse.Script("fal-jobs", fal.Copy().Reposted(Advocate, 4019000003).Reply());
        Assert.Equal(4, (await ingestor.PollAsync("fal")).Opened);
        Assert.Equal(1, (await ingestor.PollAsync("fal")).Closed);
        Assert.Equal(1, (await ingestor.PollAsync("fal")).Closed);
        var (advocate, earlier) = (JobIdOf("fal", Advocate), JobIdOf("fal", Copy));

        // fal-careers' poll, held before its events with what it has locked, leaves the copy free for another poll to take.
        string[] free;
        Task<PollRecord> careers;
        await using (var hold = await HeldPollTransaction.BeginAsync(ingestor.Settings["ConnectionStrings:Postgres"]!))
        {
            careers = ingestor.PollAsync("fal-careers");
            await hold.WaitForPollAsync(() => careers.IsCompleted ? $"the poll ended first: {careers.Status}" : "the poll is still running");
            free = [.. await ingestor.QueryAsync<string>(
                "select job_id from posting_rows where job_id in (@advocate, @earlier) for update skip locked", new { advocate, earlier })];
        }
        Assert.Equal([earlier], free);
        Assert.Equal(3, (await careers).Opened);
        Assert.Equal(3, (await ingestor.PollAsync("fal-jobs")).Opened);

        var lines = await LinesAsync(ingestor);
        Assert.Equal(advocate, lines[JobIdOf("fal-careers", 4019000001)].RepostedFrom);
        Assert.Equal(earlier, lines[JobIdOf("fal-jobs", 4019000003)].RepostedFrom);
    }

    [Fact]
    public async Task TheEarlierPostingSaysOnItsOwnRowWhatRepostsItSoALaterPollThatCannotSeeTheLinkLeavesIt()
    {
        await using var ingestor = await AdvocateClosedAndRepostedOnTwoNewBoardsAsync();
        var (advocate, careers) = (JobIdOf("fal", Advocate), JobIdOf("fal-careers", 4019000001));
        Assert.Equal(3, (await ingestor.PollAsync("fal-careers")).Opened);
        Assert.Equal(careers, await ingestor.ScalarAsync<string?>("select reposted_by from posting_rows where job_id = @advocate", new { advocate }));

        // A poll whose snapshot predates the link's commit sees no row naming the earlier posting, only the earlier posting's
        // own row, which its lock re-reads: the link is hidden here as such a snapshot would hide it.
        Assert.Equal(1, await ingestor.ScalarAsync<int>(
            "update posting_rows set reposted_from = null, lineage_id = null, lineage_first_seen_at = null where job_id = @careers returning 1", new { careers }));
        var poll = await ingestor.PollAsync("fal-jobs");

        Assert.Equal((PollOutcome.Succeeded, 3), (poll.Outcome, poll.Opened));
        Assert.Null((await LinesAsync(ingestor))[JobIdOf("fal-jobs", 4019000001)].RepostedFrom);
    }
}
