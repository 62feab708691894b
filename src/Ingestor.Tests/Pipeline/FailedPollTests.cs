using Amazon.S3.Model;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>A poll that fails anywhere before its transaction commits changes no posting, is recorded as failed, and the next poll retries.</summary>
public sealed class FailedPollTests(TestServers servers)
{
    private static async Task<(IReadOnlyList<PostingRow> Postings, IReadOnlyList<EventRow> Events)> StateAsync(TestIngestor ingestor) =>
        (await ingestor.QueryAsync<PostingRow>(Sql.Postings), await ingestor.QueryAsync<EventRow>(Sql.Events));

    private static async Task AssertUnchangedAsync(TestIngestor ingestor, (IReadOnlyList<PostingRow> Postings, IReadOnlyList<EventRow> Events) before)
    {
        var after = await StateAsync(ingestor);
        Assert.Equal(before.Postings, after.Postings);
        Assert.Equal(before.Events.Count, after.Events.Count);
    }

    /// <summary>The ingestor's archive gone: its bucket and everything in it.</summary>
    private static async Task RemoveBucketAsync(TestServers servers, TestIngestor ingestor)
    {
        using var s3 = servers.S3.Client();
        foreach (var key in await servers.S3.KeysAsync(ingestor.Bucket))
            await s3.DeleteObjectAsync(ingestor.Bucket, key, TestContext.Current.CancellationToken);
        await s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = ingestor.Bucket }, TestContext.Current.CancellationToken);
    }

    private static async Task<TestIngestor> WithFalIngestedAsync(TestServers servers, Reply then, Dictionary<string, string?>? settings = null)
    {
        var ingestor = await TestIngestor.StartAsync(servers, settings: settings);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"), then);
        Assert.Equal(PollOutcome.Succeeded, (await ingestor.PollAsync("fal")).Outcome);
        return ingestor;
    }

    [Fact]
    public async Task AServerErrorThroughEveryRetryChangesNothingAndIsRecorded()
    {
        await using var ingestor = await WithFalIngestedAsync(servers, Reply.Error(500, "oops"));
        var before = await StateAsync(ingestor);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Failed, 500), (poll.Outcome, poll.HttpStatus));
        Assert.Contains("HTTP 500", poll.Error);
        Assert.Equal(1 + 1 + 3, ingestor.Greenhouse.Requests("fal"));
        await AssertUnchangedAsync(ingestor, before);
        var board = (await ingestor.QueryAsync<(string, int, string)>(
            "select last_outcome, consecutive_failures, last_error from boards where board_token = 'fal'")).Single();
        Assert.Equal((PollOutcome.Failed, 1), (board.Item1, board.Item2));
        Assert.Equal(poll.Error, board.Item3);
        Assert.Equal(PollOutcome.Failed, await ingestor.ScalarAsync<string>("select outcome from polls where poll_id = @PollId", new { poll.PollId }));
    }

    [Fact]
    public async Task TransientErrorsAndRateLimitsAreRetriedHonouringRetryAfter()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Error(503), Reply.Error(429) with { RetryAfter = "0" }, Reply.Board("fal"));

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 3), (poll.Outcome, poll.Opened));
        Assert.Equal(3, ingestor.Greenhouse.Requests("fal"));
    }

    [Fact]
    public async Task MalformedJsonIsArchivedButChangesNothing()
    {
        await using var ingestor = await WithFalIngestedAsync(servers, Reply.Json("""{"jobs": [{"id": 1, "title": "x"}"""));
        var before = await StateAsync(ingestor);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.Contains("not valid JSON", poll.Error);
        Assert.NotNull(poll.RawPayloadUri);
        Assert.Equal(2, (await servers.S3.KeysAsync(ingestor.Bucket)).Count);
        await AssertUnchangedAsync(ingestor, before);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("content")]
    public async Task AJobThatCannotBeReadIsLeftOutAndTheRestOfTheBoardIsRecorded(string field)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        // A lone surrogate escape is valid JSON but no text at all.
        var board = BoardPayload.Of("fal").Edit(4009193009, job => job[field] = "before ~ after");
        var broken = System.Text.Encoding.UTF8.GetString(board.Reply().Body).Replace("before ~ after", "before \\ud800 after");
        ingestor.Greenhouse.Script("fal", Reply.Json(broken));

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Partial, 2), (poll.Outcome, poll.Opened));
        Assert.Matches("(the job at index 0|job 4009193009) could not be", poll.Error);
        Assert.Equal(2, await ingestor.ScalarAsync<int>("select count(*) from postings"));
    }

    [Fact]
    public async Task APayloadWithoutAJobsListChangesNothing()
    {
        await using var ingestor = await WithFalIngestedAsync(servers, Reply.Json("""{"status": 200, "message": "maintenance"}"""));
        var before = await StateAsync(ingestor);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.Contains("no \"jobs\" list", poll.Error);
        await AssertUnchangedAsync(ingestor, before);
    }

    [Fact]
    public async Task AResponseCutShortChangesNothing()
    {
        await using var ingestor = await WithFalIngestedAsync(servers, Reply.Board("fal") with { CutShort = true });
        var before = await StateAsync(ingestor);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        // Depending on how much reached the client before the reset, it is a short body or a failed request.
        Assert.Matches("^(the payload arrived cut short|could not reach Greenhouse)", poll.Error);
        Assert.Null(poll.RawPayloadUri);
        await AssertUnchangedAsync(ingestor, before);
    }

    /// <remarks>
    /// A payload is read while it is archived: that a malformed one cannot be read is not what the poll reports when nothing
    /// of it was kept.
    /// </remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnArchiveOutageChangesNothingAndIsTheFailureReported(bool malformed)
    {
        var payload = malformed ? Reply.Json("""{"jobs": [{"id": 1, "title": "x"}""") : BoardPayload.Of("fal").Without(4012000002).Reply();
        await using var ingestor = await WithFalIngestedAsync(servers, payload);
        var before = await StateAsync(ingestor);
        await RemoveBucketAsync(servers, ingestor);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.StartsWith("archiving the payload failed", poll.Error);
        Assert.Null(poll.RawPayloadUri);
        await AssertUnchangedAsync(ingestor, before);
        // The archive is ours, not the board's: the board is not backed off for it.
        Assert.False(await ingestor.ScalarAsync<bool>("select next_poll_at - now() > poll_interval * 1.1 from boards"));
    }

    [Fact]
    public async Task APollWhoseRecordCannotBeArchivedChangesNothing()
    {
        // The board sends its first payload again after one that closed a posting: those bytes are archived already today, so
        // only the poll's record is written, and the archive is gone by then.
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"), BoardPayload.Of("fal").Without(4012000002).Reply(), Reply.Board("fal"));
        ingestor.Greenhouse.Script("fal/jobs/4012000002", Reply.Error(404));
        await ingestor.PollAsync("fal");
        Assert.Equal(1, (await ingestor.PollAsync("fal")).Closed);
        var before = await StateAsync(ingestor);
        await RemoveBucketAsync(servers, ingestor);

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.StartsWith("archiving the poll's record failed", poll.Error);
        await AssertUnchangedAsync(ingestor, before);
        // The archive is ours, not the board's: the board is not backed off for it.
        Assert.False(await ingestor.ScalarAsync<bool>("select next_poll_at - now() > poll_interval * 1.1 from boards"));
    }

    [Fact]
    public async Task TheObjectStoreDownForSeveralPollsChangesNothingAndTheFirstPollAfterItReturnsApplies()
    {
        await using var s3 = await S3Server.StartAsync();
        await s3.CreateBucketAsync("outage");
        var changed = BoardPayload.Of("fal").Without(4012000002).Reply();
        await using var ingestor = await WithFalIngestedAsync(servers, changed, new Dictionary<string, string?>
        {
            ["Archive:ServiceUrl"] = s3.ServiceUrl.ToString(),
            ["Archive:Bucket"] = "outage",
        });
        ingestor.Greenhouse.Script("fal", changed);
        var before = await StateAsync(ingestor);

        await s3.StopAsync();
        var duringOutage = new List<PollRecord>();
        for (var poll = 0; poll < 3; poll++)
            duringOutage.Add(await ingestor.PollAsync("fal"));
        var afterOutage = await StateAsync(ingestor);
        var failures = await ingestor.ScalarAsync<int>("select consecutive_failures from boards");
        // The outage is ours, not the board's: it is not backed off for it, and is polled again an interval on.
        var backedOff = await ingestor.ScalarAsync<bool>("select next_poll_at - now() > poll_interval * 1.1 from boards");
        await s3.StartAgainAsync();
        var recovered = await ingestor.PollAsync("fal");

        Assert.All(duringOutage, poll => Assert.Equal(PollOutcome.Failed, poll.Outcome));
        Assert.All(duringOutage, poll => Assert.StartsWith("archiving the payload failed", poll.Error));
        Assert.Equal(before.Postings, afterOutage.Postings);
        Assert.Equal(before.Events.Count, afterOutage.Events.Count);
        Assert.Equal(3, failures);
        Assert.False(backedOff);

        Assert.Equal((PollOutcome.Succeeded, 1), (recovered.Outcome, recovered.Closed));
        var key = new Uri(recovered.RawPayloadUri!).AbsolutePath.TrimStart('/');
        Assert.NotEmpty(await s3.ReadAsync("outage", key));
        Assert.Equal(0, await ingestor.ScalarAsync<int>("select consecutive_failures from boards"));
    }

    [Fact]
    public async Task AnUnknownBoardFailsWithAClearReasonWithoutRetrying()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("nosuchboard", Reply.Error(404, """{"status":404,"error":"Job not found"}"""));

        var poll = await ingestor.PollAsync("nosuchboard");

        Assert.Equal((PollOutcome.Failed, 404), (poll.Outcome, poll.HttpStatus));
        Assert.Equal("board 'nosuchboard' does not exist on Greenhouse (HTTP 404)", poll.Error);
        Assert.Equal(1, ingestor.Greenhouse.Requests("nosuchboard"));
    }

    [Fact]
    public async Task APayloadOverTheSizeCapIsRefusedBeforeItIsArchived()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["Greenhouse:MaxPayloadBytes"] = "2048" });
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.Contains("larger than the configured cap of 2,048 bytes (Greenhouse:MaxPayloadBytes)", poll.Error);
        Assert.Empty(await servers.S3.KeysAsync(ingestor.Bucket));
        Assert.Equal(0, await ingestor.ScalarAsync<int>("select count(*) from postings"));
    }

    [Fact]
    public async Task ABoardThatNeverAnswersTimesOut()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?>
        {
            // Long enough that a loaded machine still delivers the retry to the server before its own timeout.
            ["Greenhouse:AttemptTimeout"] = "00:00:01",
            ["Greenhouse:TotalTimeout"] = "00:00:10",
            ["Greenhouse:MaxRetryAttempts"] = "1",
        });
        ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { Delay = TimeSpan.FromSeconds(10) });

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.Equal("Greenhouse did not answer in time, through every retry", poll.Error);
        Assert.Equal(2, ingestor.Greenhouse.Requests("fal"));
    }
}
