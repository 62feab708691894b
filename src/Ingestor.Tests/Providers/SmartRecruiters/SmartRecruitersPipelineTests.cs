using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ingestor.Archive;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Providers.SmartRecruiters;

/// <summary>
/// The synthetic SmartRecruiters board through the real poll, served page by page and detail by detail over HTTP: a walk is
/// complete only when it is whole, a detail is fetched once per new or changed posting, and a failure closes nothing.
/// </summary>
public sealed class SmartRecruitersPipelineTests(TestServers servers)
{
    private const string Board = "smartrecruiters:AcmeSynthetic";

    private static string PageKey(int offset) => $"{Board}?offset={offset}";

    private static string DetailKey(string id) => $"{Board}/{id}";

    private static async Task<TestIngestor> StartWithWholeBoardAsync(TestServers servers)
    {
        var ingestor = await TestIngestor.StartAsync(servers);
        foreach (var offset in AcmeSyntheticBoard.Offsets)
            ingestor.Greenhouse.Script(PageKey(offset), Reply.Json(AcmeSyntheticBoard.Page(offset)));
        foreach (var id in AcmeSyntheticBoard.Ids)
            ingestor.Greenhouse.Script(DetailKey(id), Reply.Json(AcmeSyntheticBoard.Detail(id)));
        return ingestor;
    }

    private static Reply Page(int offset, Action<JsonObject> edit) => Reply.Json(AcmeSyntheticBoard.EditedPage(offset, edit).Body);

    [Fact]
    public async Task EveryPageIsWalkedAndEachNewPostingsDetailFetchedOnceAndNotAgainWhileItIsUnchanged()
    {
        await using var ingestor = await StartWithWholeBoardAsync(servers);

        var first = await ingestor.PollAsync(Board);
        var second = await ingestor.PollAsync(Board);

        Assert.Equal((PollOutcome.Succeeded, 25), (first.Outcome, first.Opened));
        Assert.Equal((PollOutcome.Succeeded, 25), (second.Outcome, second.Unchanged));
        Assert.All(AcmeSyntheticBoard.Ids, id => Assert.Equal(1, ingestor.Greenhouse.Requests(DetailKey(id))));
        Assert.All(AcmeSyntheticBoard.Offsets, offset => Assert.Equal(2, ingestor.Greenhouse.Requests(PageKey(offset))));
        Assert.Equal(25, await ingestor.ScalarAsync<int>(
            "select count(*)::int from postings where description_text <> '' and source_url like 'https://jobs.smartrecruiters.com/AcmeSynthetic/%'"));
        Assert.Contains("/raw/provider=smartrecruiters/board=AcmeSynthetic/", first.RawPayloadUri);
    }

    [Fact]
    public async Task APostingOpensUpdatesClosesAndReopensAndOnlyAChangedOneHasItsDetailFetchedAgain()
    {
        await using var ingestor = await StartWithWholeBoardAsync(servers);
        var (renamed, gone) = (AcmeSyntheticBoard.Ids[0], AcmeSyntheticBoard.Ids[20]);
        await ingestor.PollAsync(Board);

        ingestor.Greenhouse.Script(PageKey(0), Page(0, page =>
        {
            page["totalFound"] = 24;
            page["content"]![0]!["name"] = "Senior Store Manager";
        }));
        ingestor.Greenhouse.Script(PageKey(10), Page(10, page => page["totalFound"] = 24));
        ingestor.Greenhouse.Script(PageKey(20), Page(20, page =>
        {
            page["totalFound"] = 24;
            page["content"]!.AsArray().RemoveAt(0);
        }));
        ingestor.Greenhouse.Script(DetailKey(gone), Reply.Error(404));
        var changed = await ingestor.PollAsync(Board);

        Assert.Equal((PollOutcome.Succeeded, 1, 1, 23), (changed.Outcome, changed.Updated, changed.Closed, changed.Unchanged));
        Assert.Equal(2, ingestor.Greenhouse.Requests(DetailKey(renamed)));
        Assert.Equal("Senior Store Manager", await ingestor.ScalarAsync<string>("select title from postings where provider_job_key = @renamed", new { renamed }));
        Assert.Equal("inactive", await ingestor.ScalarAsync<string>("select status from postings where provider_job_key = @gone", new { gone }));
        Assert.Equal("confirmed_gone", await ingestor.ScalarAsync<string>("select closed_reason from job_events where event_type = 'closed'"));

        foreach (var offset in AcmeSyntheticBoard.Offsets)
            ingestor.Greenhouse.Script(PageKey(offset), Reply.Json(AcmeSyntheticBoard.Page(offset)));
        ingestor.Greenhouse.Script(DetailKey(gone), Reply.Json(AcmeSyntheticBoard.Detail(gone)));
        var back = await ingestor.PollAsync(Board);

        Assert.Equal((PollOutcome.Succeeded, 1, 1), (back.Outcome, back.Reopened, back.Updated));
        Assert.Equal(25, await ingestor.ScalarAsync<int>("select count(*)::int from postings where status = 'active'"));
    }

    [Fact]
    public async Task TheArchivedEnvelopeHoldsEveryResponseAndReadsBackIntoThePostingsThePollStored()
    {
        await using var ingestor = await StartWithWholeBoardAsync(servers);
        var poll = await ingestor.PollAsync(Board);

        var key = Assert.Single(await servers.S3.KeysAsync(ingestor.Bucket));
        var archived = PayloadCompression.Decompress(await servers.S3.ReadAsync(ingestor.Bucket, key));
        var normalizer = ingestor.Get<PostingNormalizer>();
        var provider = ingestor.Get<ProviderCatalog>().For("smartrecruiters");
        using var replayed = provider.ReadSnapshot(archived);
        var fromArchive = replayed.Jobs
            .Select(job => normalizer.Normalize("smartrecruiters", AcmeSyntheticBoard.Company, provider.ReadJob(job)))
            .Select(posting => (posting.JobId, posting.ContentHash, posting.SourceHash))
            .Order();

        Assert.True(replayed.IsComplete);
        Assert.Equal(poll.PayloadSha256, Convert.ToHexStringLower(SHA256.HashData(archived)));
        Assert.Equal(
            await ingestor.QueryAsync<(string, string, string)>("select job_id, content_hash, source_hash from postings order by 1, 2, 3"),
            fromArchive);
    }

    [Fact]
    public async Task APageThatFailsMakesTheWalkIncompleteAndClosesNothing()
    {
        await using var ingestor = await StartWithWholeBoardAsync(servers);
        await ingestor.PollAsync(Board);
        ingestor.Greenhouse.Script(PageKey(10), Reply.Error(503));

        var poll = await ingestor.PollAsync(Board);

        Assert.Equal((PollOutcome.Partial, 0, 10), (poll.Outcome, poll.Closed, poll.Unchanged));
        Assert.Contains("page at offset 10 failed (HTTP 503)", poll.Error);
        Assert.Equal(25, await ingestor.ScalarAsync<int>("select count(*)::int from postings where status = 'active'"));
    }

    [Fact]
    public async Task ATotalThatChangesDuringTheWalkMakesItIncomplete()
    {
        await using var ingestor = await StartWithWholeBoardAsync(servers);
        await ingestor.PollAsync(Board);
        ingestor.Greenhouse.Script(PageKey(10), Page(10, page => page["totalFound"] = 24));
        ingestor.Greenhouse.Script(PageKey(20), Page(20, page => page["content"]!.AsArray().RemoveAt(0)));

        var poll = await ingestor.PollAsync(Board);

        Assert.Equal((PollOutcome.Partial, 0), (poll.Outcome, poll.Closed));
        Assert.Contains("totalFound changed from 25 to 24 during the walk", poll.Error);
    }

    [Fact]
    public async Task APostingListedOnTwoPagesMakesTheWalkIncomplete()
    {
        await using var ingestor = await StartWithWholeBoardAsync(servers);
        await ingestor.PollAsync(Board);
        ingestor.Greenhouse.Script(PageKey(10), Page(10, page => page["content"]![0] = AcmeSyntheticBoard.Job(0, 0)));

        var poll = await ingestor.PollAsync(Board);

        Assert.Equal((PollOutcome.Partial, 0), (poll.Outcome, poll.Closed));
        Assert.Contains($"job {AcmeSyntheticBoard.Ids[0]} is listed twice", poll.Error);
    }

    [Fact]
    public async Task ADetailThatFailsDropsNothingAndItsPostingOpensWhenALaterPollGetsIt()
    {
        await using var ingestor = await StartWithWholeBoardAsync(servers);
        var late = AcmeSyntheticBoard.Ids[3];
        ingestor.Greenhouse.Script(DetailKey(late), Reply.Error(500), Reply.Error(500), Reply.Error(500), Reply.Error(500),
            Reply.Json(AcmeSyntheticBoard.Detail(late)));

        var first = await ingestor.PollAsync(Board);
        var second = await ingestor.PollAsync(Board);

        Assert.Equal((PollOutcome.Partial, 24, 0), (first.Outcome, first.Opened, first.Closed));
        Assert.Contains($"job {late} is new or changed, and its detail could not be fetched", first.Error);
        Assert.Equal((PollOutcome.Succeeded, 1, 24), (second.Outcome, second.Opened, second.Unchanged));
        Assert.Equal(25, await ingestor.ScalarAsync<int>("select count(*)::int from postings where status = 'active' and description_text <> ''"));
    }

    [Fact]
    public async Task AnUnknownCompanysEmptyAnswerIsSaidNotTakenForAnEmptyCompany()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("smartrecruiters:NoSuchCompany?offset=0",
            Reply.Json(File.ReadAllBytes(Path.Combine(AcmeSyntheticBoard.Folder("unknown-company"), "postings.offset-0.json"))));

        var poll = await ingestor.PollAsync("smartrecruiters:NoSuchCompany");

        Assert.Equal((PollOutcome.Succeeded, 0), (poll.Outcome, poll.JobCount));
        Assert.Contains("listed no postings, and never has", poll.Error);
    }
}
