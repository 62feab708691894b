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

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "nested", PollOutcome.Failed, "the payload is not valid JSON: The maximum configured depth of 64 has been exceeded" },
        { "html-200", PollOutcome.Failed, "the payload is not valid JSON: '<' is an invalid start of a value" },
        { "invalid-utf8", PollOutcome.Partial, "job 1 could not be normalized: Cannot transcode invalid UTF-8" },
        { "duplicate-id", PollOutcome.Partial, "nothing closed; job 4009193009 is listed twice" },
        { "huge-title", PollOutcome.Partial, "job 4009193009 could not be normalized: its title is 1,000,000 characters long (at most 1,000 are read)" },
        { "huge-location", PollOutcome.Partial, "job 4009193009 could not be normalized: its location is 1,000,000 characters long (at most 4,000 are read)" },
    };

    private static Reply Build(string kind) => kind switch
    {
        "nested" => WithJobField(new string('[', 100_000) + new string(']', 100_000)),
        "invalid-utf8" => Reply.Json([.. Encoding.UTF8.GetBytes("{\"jobs\": [{\"id\": 1, \"title\": \"a"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}]}")]),
        "html-200" => Reply.Json("<!DOCTYPE html><html><body><h1>We'll be right back</h1></body></html>"),
        "duplicate-id" => Duplicated(),
        "huge-title" => WithJobField("\"" + new string('x', 1_000_000) + "\""),
        "huge-location" => Reply.Json(BoardPayload.Of("fal").Edit(4009193009, job => job["location"] = new System.Text.Json.Nodes.JsonObject { ["name"] = new string('x', 1_000_000) }).Reply().Body),
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
}
