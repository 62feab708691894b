using System.Text.Json;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>Real boards, with every quirk they were recorded with, ingest without an error and keep every posting.</summary>
public sealed class RecordedBoardsTests(TestServers servers)
{
    public static TheoryData<string> CompleteBoards => ["anthropic", "reddit", "stripe", "fal", "eurotech", "remoteco", "empty"];

    private static int JobsIn(byte[] payload) => JsonDocument.Parse(payload).RootElement.GetProperty("jobs").GetArrayLength();

    [Theory]
    [MemberData(nameof(CompleteBoards))]
    public async Task ACompleteBoardIngestsEveryPostingWithoutError(string token)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var payload = Payloads.Board(token);
        ingestor.Greenhouse.Script(token, Reply.Json(payload));

        var poll = await ingestor.PollAsync(token);

        // An empty board is ingested too, with a word that its name may be wrong.
        if (JobsIn(payload) == 0)
            Assert.Contains("listed no postings, and never has", poll.Error);
        else
            Assert.Null(poll.Error);
        Assert.Equal(PollOutcome.Succeeded, poll.Outcome);
        Assert.Equal(JobsIn(payload), poll.Opened);
        Assert.Equal(JobsIn(payload), await ingestor.ScalarAsync<int>("select count(*) from postings where status = 'active'"));
        Assert.Equal(payload.Length, poll.PayloadBytes);
    }

    [Fact]
    public async Task TheTruncatedAirbnbSliceKeepsAllTwentyPostingsAndIsPartial()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("airbnb", Reply.Board("airbnb"));

        var poll = await ingestor.PollAsync("airbnb");

        Assert.Equal((PollOutcome.Partial, 20, 240), (poll.Outcome, poll.Opened, poll.DeclaredTotal));
        Assert.Equal(20, await ingestor.ScalarAsync<int>("select count(*) from postings"));
    }

    [Fact]
    public async Task ALaterIncompleteStripeListingClosesNoneOfTheWholeBoard()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("stripe", Reply.Board("stripe"), Reply.Json(Payloads.Read(RepositoryPaths.Samples("greenhouse", "more", "stripe.jobs.nocontent-slice12.json"))));
        await ingestor.PollAsync("stripe");

        var poll = await ingestor.PollAsync("stripe");

        Assert.Equal((PollOutcome.Partial, 0), (poll.Outcome, poll.Closed));
        Assert.Equal(0, await ingestor.ScalarAsync<int>("select count(*) from postings where status = 'inactive'"));
        Assert.True(await ingestor.ScalarAsync<int>("select count(*) from postings") >= 547);
    }

    [Fact]
    public async Task IdsAboveTwoToTheThirtyOneKeepTheirValue()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("anthropic", Reply.Board("anthropic"));
        await ingestor.PollAsync("anthropic");

        var largest = await ingestor.ScalarAsync<long>("select max(provider_job_key::bigint) from postings");

        Assert.True(largest > int.MaxValue);
        Assert.Equal(largest, await ingestor.ScalarAsync<long>("select max((native->>'id')::bigint) from postings"));
    }
}
