using System.Text.Json.Nodes;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Providers;

/// <summary>
/// Ashby and Lever boards through the same poll as Greenhouse's, served over HTTP from their recordings: every lifecycle line,
/// their job ids and archive keys, and how each says a board does not exist.
/// </summary>
public sealed class ProviderPipelineTests(TestServers servers)
{
    /// <summary>A recorded board, its jobs list (Ashby's <c>jobs</c>, Lever's bare array) and each job's id property.</summary>
    public sealed record Recorded(string Board, string Provider, string Token, string Sample, string TitleProperty)
    {
        public override string ToString() => Board;

        public JsonNode Payload() => JsonNode.Parse(File.ReadAllBytes(RepositoryPaths.Samples(Sample)))!;

        public JsonArray Jobs(JsonNode payload) => Provider == "ashby" ? payload["jobs"]!.AsArray() : payload.AsArray();
    }

    public static TheoryData<Recorded> Boards =>
    [
        new Recorded("ashby:lambda", "ashby", "lambda", "ashby/posting-api/job-board/lambda.json", "title"),
        new Recorded("lever:plaid", "lever", "plaid", "lever/v0/postings/plaid.json", "text"),
    ];

    [Theory]
    [MemberData(nameof(Boards))]
    public async Task ARecordedBoardOpensUpdatesClosesAndReopensLikeAnyOther(Recorded board)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var original = board.Payload();
        var jobs = board.Jobs(original);
        var (first, second) = ((string)jobs[0]!["id"]!, (string)jobs[1]!["id"]!);

        ingestor.Greenhouse.Script(board.Board, Reply.Json(original.ToJsonString()));
        var opened = await ingestor.PollAsync(board.Board);

        Assert.Equal((PollOutcome.Succeeded, jobs.Count), (opened.Outcome, opened.Opened));
        Assert.Contains($"/raw/provider={board.Provider}/board={board.Token}/", opened.RawPayloadUri);
        var ids = await ingestor.QueryAsync<string>("select job_id from postings where provider_job_key = @first", new { first });
        Assert.Equal([JobId.For(board.Provider, board.Token, first)], ids);

        var changed = board.Payload();
        board.Jobs(changed)[0]![board.TitleProperty] = "Retitled";
        board.Jobs(changed).RemoveAt(1);
        ingestor.Greenhouse.Script(board.Board, Reply.Json(changed.ToJsonString()));
        var updated = await ingestor.PollAsync(board.Board);
        // Neither has a job endpoint whose 404 settles a close (Ashby has none, Lever's 404s unlisted postings too): the second absence closes.
        var missedAgain = await ingestor.PollAsync(board.Board);

        Assert.Equal((PollOutcome.Succeeded, 1, 0, jobs.Count - 2), (updated.Outcome, updated.Updated, updated.Closed, updated.Unchanged));
        Assert.Equal((PollOutcome.Succeeded, 1, jobs.Count - 1), (missedAgain.Outcome, missedAgain.Closed, missedAgain.Unchanged));
        Assert.Equal("absent_twice", await ingestor.ScalarAsync<string>("select closed_reason from job_events where event_type = 'closed'"));
        Assert.Equal(["title"], await ingestor.QueryAsync<string>(
            "select unnest(changed_fields) from job_events where event_type = 'updated' and job_id = @id",
            new { id = JobId.For(board.Provider, board.Token, first) }));
        Assert.Equal("inactive", await ingestor.ScalarAsync<string>(
            "select status from postings where provider_job_key = @second", new { second }));

        ingestor.Greenhouse.Script(board.Board, Reply.Json(original.ToJsonString()));
        var reopened = await ingestor.PollAsync(board.Board);

        Assert.Equal((1, 1), (reopened.Reopened, reopened.Updated));
        Assert.Equal(jobs.Count, await ingestor.ScalarAsync<int>("select count(*)::int from postings where status = 'active'"));
    }

    [Fact]
    public async Task AnAshbyJobNotListedPubliclyIsNoPostingAndNeverMakesTheSnapshotIncomplete()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var payload = JsonNode.Parse(File.ReadAllBytes(RepositoryPaths.Samples("ashby/posting-api/job-board/linear.json")))!;
        payload["jobs"]![0]!["isListed"] = false;
        ingestor.Greenhouse.Script("ashby:linear", Reply.Json(payload.ToJsonString()));

        var poll = await ingestor.PollAsync("ashby:linear");

        Assert.Equal((PollOutcome.Succeeded, 18), (poll.Outcome, poll.Opened));
        Assert.Equal(0, await ingestor.ScalarAsync<int>(
            "select count(*)::int from postings where provider_job_key = @key", new { key = (string)payload["jobs"]![0]!["id"]! }));
    }

    [Fact]
    public async Task AnEmptyFirstAnswerIsReportedNotTakenForAnEmptyCompany()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("ashby:nosuchboard", Reply.Json("""{"apiVersion":"1","jobs":[]}"""));

        var poll = await ingestor.PollAsync("ashby:nosuchboard");

        Assert.Equal(PollOutcome.Succeeded, poll.Outcome);
        Assert.Contains("listed no postings, and never has: check its name", poll.Error);
        Assert.Contains("listed no postings", await ingestor.ScalarAsync<string>("select last_error from boards"));
    }

    [Fact]
    public async Task AnUnknownLeverSiteFailsAsOneThatDoesNotExist()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("lever:nosuchsite", Reply.Error(404, """{"ok":false,"error":"Document not found"}"""));

        var poll = await ingestor.PollAsync("lever:nosuchsite");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.Equal("board 'nosuchsite' does not exist on Lever (HTTP 404)", poll.Error);
    }

    [Fact]
    public async Task AnEuLeverSiteIsAskedOfTheEuHostAndKeepsItsSpelling()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("lever:eu:Ubiminds", Reply.Json(File.ReadAllBytes(RepositoryPaths.Samples("lever/v0/postings/plaid.json"))));

        var poll = await ingestor.PollAsync("lever:EU:Ubiminds");
        var again = await ingestor.RegisterAsync("lever:eu:ubiminds");

        Assert.Equal((PollOutcome.Succeeded, 20), (poll.Outcome, poll.Opened));
        Assert.Equal(1, ingestor.Greenhouse.Requests("lever:eu:Ubiminds"));
        Assert.Equal("eu:Ubiminds", again.BoardToken);
        Assert.Contains("/raw/provider=lever/board=eu%3AUbiminds/", poll.RawPayloadUri);
    }
}
