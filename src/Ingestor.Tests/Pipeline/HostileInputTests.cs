using System.Net;
using System.Text;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>Payloads built to hurt or broken on the way: a clear reason on the poll, nothing else changed, the next poll goes on.</summary>
public sealed class HostileInputTests(TestServers servers)
{
    private static async Task<TestIngestor> WithFalIngestedAsync(TestServers servers, Reply hostile)
    {
        var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"), hostile, Reply.Board("fal"));
        Assert.Equal(PollOutcome.Succeeded, (await ingestor.PollAsync("fal")).Outcome);
        return ingestor;
    }

    private sealed record Held(string JobId, string Status, string ContentHash, string Title);

    /// <summary>The hostile poll, the normal poll after it, and whether the hostile one left every posting's content and events as they were.</summary>
    private static async Task<(PollRecord Hostile, PollRecord After, bool Unchanged)> PollThroughAsync(TestIngestor ingestor)
    {
        const string held = "select job_id, status, content_hash, left(title, 100) as title from postings order by job_id";
        var before = await ingestor.QueryAsync<Held>(held);
        var events = await ingestor.ScalarAsync<int>("select count(*)::int from job_events");
        var hostile = await ingestor.PollAsync("fal");
        var unchanged = (await ingestor.QueryAsync<Held>(held)).SequenceEqual(before)
                        && await ingestor.ScalarAsync<int>("select count(*)::int from job_events") == events;
        var after = await ingestor.PollAsync("fal");
        return (hostile, after, unchanged);
    }

    private static Reply WithJobField(string rawJson) => Reply.Json(
        Encoding.UTF8.GetString(BoardPayload.Of("fal").Edit(4009193009, job => job["title"] = "PLACEHOLDER").Reply().Body)
            .Replace("\"PLACEHOLDER\"", rawJson));

    // Greenhouse sends a description as HTML escaped once more.
    private static Reply WithDescription(string html) =>
        BoardPayload.Of("fal").Edit(4009193009, job => job["content"] = WebUtility.HtmlEncode(html)).Reply();

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "nested", PollOutcome.Failed, "the payload is not valid JSON: The maximum configured depth of 64 has been exceeded" },
        { "html-200", PollOutcome.Failed, "the payload is not valid JSON: '<' is an invalid start of a value" },
        { "invalid-utf8", PollOutcome.Partial, "job 1 could not be normalized: Cannot transcode invalid UTF-8" },
        { "duplicate-id", PollOutcome.Partial, "nothing closed; job 4009193009 is listed twice" },
        { "huge-title", PollOutcome.Partial, "job 4009193009 could not be normalized: its title is 1,000,000 characters long (at most 1,000 are read)" },
        { "huge-location", PollOutcome.Partial, "job 4009193009 could not be normalized: its location is 1,000,000 characters long (at most 4,000 are read)" },
        { "deep-html", PollOutcome.Partial, "job 4009193009 could not be normalized: its description nests elements more than 512 deep" },
        { "deep-misnested-html", PollOutcome.Partial, "job 4009193009 could not be normalized: its description nests elements more than 512 deep" },
        { "object-title", PollOutcome.Partial, "job 4009193009 could not be normalized: its title is a JSON object, where text belongs" },
        { "array-id", PollOutcome.Partial, "could not be read: its id is a JSON array, where a number belongs" },
    };

    private static Reply Build(string kind) => kind switch
    {
        "nested" => WithJobField(new string('[', 100_000) + new string(']', 100_000)),
        "invalid-utf8" => Reply.Json([.. Encoding.UTF8.GetBytes("{\"jobs\": [{\"id\": 1, \"title\": \"a"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}]}")]),
        "html-200" => Reply.Json("<!DOCTYPE html><html><body><h1>We'll be right back</h1></body></html>"),
        "duplicate-id" => Duplicated(),
        "huge-title" => WithJobField("\"" + new string('x', 1_000_000) + "\""),
        "huge-location" => Reply.Json(BoardPayload.Of("fal").Edit(4009193009, job => job["location"] = new System.Text.Json.Nodes.JsonObject { ["name"] = new string('x', 1_000_000) }).Reply().Body),
        // Both under the length cap: one plain enough to be read from its tokens, one the parser must build a tree for.
        "deep-html" => WithDescription(string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Build the inference engine"),
        "deep-misnested-html" => WithDescription(string.Concat(Enumerable.Repeat("<span><b>", 60_000)) + "Build the inference engine"),
        "object-title" => WithJobField("{\"text\": \"Staff Software Engineer\"}"),
        "array-id" => BoardPayload.Of("fal").Edit(4009193009, job => job["id"] = new System.Text.Json.Nodes.JsonArray(4009193009)).Reply(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static Reply Duplicated()
    {
        var board = BoardPayload.Of("fal");
        board.Jobs.Add(board.Job(4009193009).DeepClone());
        return board.Reply();
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task AHostilePayloadGetsAClearReasonChangesNoPostingAndTheNextPollGoesOn(string kind, string outcome, string reason)
    {
        await using var ingestor = await WithFalIngestedAsync(servers, Build(kind));

        var (hostile, after, unchanged) = await PollThroughAsync(ingestor);

        Assert.Equal(outcome, hostile.Outcome);
        Assert.Contains(reason, hostile.Error);
        Assert.Equal(0, hostile.Opened + hostile.Updated + hostile.Closed + hostile.Reopened);
        Assert.True(unchanged, "a posting or event changed");
        Assert.Equal(PollOutcome.Succeeded, after.Outcome);
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*)::int from postings where status = 'active'"));
    }

    [Fact]
    public async Task ACompressedBodyThatInflatesPastTheCapIsRefusedBeforeItIsArchived()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["Greenhouse:MaxPayloadBytes"] = "1048576" });
        // 20 MB of JSON that gzip sends in a few kilobytes.
        var bomb = Reply.Json("{\"jobs\": [" + new string(' ', 20_000_000) + "]}") with { Encoding = "gzip" };
        ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { Encoding = "gzip" }, bomb, Reply.Board("fal"));
        Assert.Equal(PollOutcome.Succeeded, (await ingestor.PollAsync("fal")).Outcome);
        var archived = (await servers.S3.KeysAsync(ingestor.Bucket)).Count;

        var (hostile, after, unchanged) = await PollThroughAsync(ingestor);

        Assert.Equal(PollOutcome.Failed, hostile.Outcome);
        Assert.Contains("larger than the configured cap of 1,048,576 bytes (Greenhouse:MaxPayloadBytes)", hostile.Error);
        // The client asks for gzip and reads it (the first poll's answer came compressed); the bomb came the same way.
        Assert.Equal("gzip", await ingestor.ScalarAsync<string>("select content_encoding from polls order by started_at limit 1"));
        Assert.Contains("gzip", ingestor.Greenhouse.LastRequestHeaders("fal")!.AcceptEncoding.ToString());
        Assert.True(unchanged, "a posting or event changed");
        Assert.Equal(archived, (await servers.S3.KeysAsync(ingestor.Bucket)).Count);
        Assert.Equal(PollOutcome.Succeeded, after.Outcome);
    }

    [Fact]
    public async Task AScalarOfTheOtherKindIsReadAsTheValueItDenotes()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var other = BoardPayload.Of("fal")
            .Edit(4012000002, job => job["title"] = 2026)
            .Edit(4009193009, job => job["id"] = "4009193009");
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"), other.Reply());
        await ingestor.PollAsync("fal");
        var held = await ingestor.QueryAsync<(string, string)>("select provider_job_key, content_hash from postings order by 1");

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 0, 1), (poll.Outcome, poll.Opened, poll.Updated));
        Assert.Equal(
            [("4012000002", "updated")],
            await ingestor.QueryAsync<(string, string)>(
                "select p.provider_job_key, e.event_type from job_events e join postings p using (job_id) where e.poll_id = @PollId", new { poll.PollId }));
        var now = await ingestor.QueryAsync<(string, string)>("select provider_job_key, content_hash from postings order by 1");
        Assert.Equal(held.Select(p => p.Item1), now.Select(p => p.Item1));
        Assert.Equal(held.Single(p => p.Item1 == "4009193009"), now.Single(p => p.Item1 == "4009193009"));
        Assert.Equal("2026", await ingestor.ScalarAsync<string>("select title from postings where provider_job_key = '4012000002'"));
    }

    [Fact]
    public async Task ManyNewJobsAreNormalizedOnEveryCoreEachIntoItsOwnPostingAndTheOnesThatFailAreNamedInTheBoardsOrder()
    {
        // 120 new jobs are past the count from which a poll normalizes on every core; two of them cannot be normalized.
        var board = BoardPayload.Of("fal");
        var template = board.Job(4009193009);
        board.Jobs.Clear();
        foreach (var number in Enumerable.Range(1, 120))
        {
            var job = template.DeepClone().AsObject();
            job["id"] = 5_000_000_000 + number;
            job["title"] = $"Inference Engineer {number}";
            board.Jobs.Add(job);
        }
        board.Edit(5_000_000_097, job => job["title"] = new System.Text.Json.Nodes.JsonObject { ["text"] = "Staff Software Engineer" });
        board.Edit(5_000_000_013, job => job["title"] = new string('x', 1_000_000));
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", board.DeclaringTotal(120).Reply());

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Partial, 118), (poll.Outcome, poll.Opened));
        Assert.EndsWith(
            "job 5000000013 could not be normalized: its title is 1,000,000 characters long (at most 1,000 are read); " +
            "job 5000000097 could not be normalized: its title is a JSON object, where text belongs", poll.Error);
        var titles = await ingestor.QueryAsync<(string Key, string Title)>("select provider_job_key, title from postings");
        Assert.Equal(118, titles.Count);
        Assert.All(titles, posting => Assert.Equal($"Inference Engineer {long.Parse(posting.Key) - 5_000_000_000}", posting.Title));
    }

    [Fact]
    public async Task ADescriptionWithAHugeAttributeListIsReadAndTheRestOfTheBoardApplies()
    {
        var attributes = string.Join(' ', Enumerable.Range(0, 50_000).Select(i => $"data-a{i}=\"v\""));
        await using var ingestor = await WithFalIngestedAsync(servers, WithDescription($"<p {attributes}>Build the inference engine</p>"));

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 1), (poll.Outcome, poll.Updated));
        Assert.Equal(
            "Build the inference engine",
            await ingestor.ScalarAsync<string>("select description_text from posting_rows where provider_job_key = '4009193009'"));
    }

    [Fact]
    public async Task ARedirectToAnotherHostIsNotFollowedAndFailsThePollNamingItsStatusAndHost()
    {
        // The board's host (127.0.0.1) redirects to the same board on another host (localhost), which would answer it.
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var tenant = servers.Greenhouse.NewTenant();
        tenant.Script("fal", Reply.Board("fal"));
        var elsewhere = new UriBuilder(new Uri(tenant.BaseUrl, "v1/boards/fal/jobs?content=true")) { Host = "localhost" }.Uri;
        ingestor.Greenhouse.Script("fal", Reply.Error(302) with { Location = elsewhere.ToString() });

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.Equal("Greenhouse: it answered HTTP 302 (Found) with a redirect to localhost, which is not followed", poll.Error);
        Assert.Equal((1, 0), (ingestor.Greenhouse.Requests("fal"), tenant.Requests("fal")));
        Assert.Equal(0, await ingestor.ScalarAsync<int>("select count(*)::int from postings"));
    }
}
