using System.Net;
using System.Text.Json.Nodes;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>The posting's events, its company and its board, as the record's other three API calls return them.</summary>
public sealed class LinkedRecordEndpointTests(TestServers servers)
{
    private const long Backend = 4009193009;
    private const string FalBackendId = "5d7bb08593f65e24f2b9df8aacb01cb3c3976d37";

    [Fact]
    public async Task EventsComeOldestFirstEachWithThePayloadThatProvedIt()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", ServedFal.Lifecycle());
        var polls = new[] { await ingestor.PollAsync("fal"), await ingestor.PollAsync("fal"), await ingestor.PollAsync("fal"), await ingestor.PollAsync("fal") };
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        var body = JsonNode.Parse(await api.Client.GetStringAsync($"/job-postings/v1/jobs/{FalBackendId}/events", TestContext.Current.CancellationToken))!;

        Assert.Equal(FalBackendId, (string?)body["job_id"]);
        var events = body["data"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(["opened", "updated", "closed", "reopened"], events.Select(e => (string?)e["event_type"]));
        Assert.Equal(["active", "active", "inactive", "active"], events.Select(e => (string?)e["status_after"]));
        Assert.Equal(polls.Select(p => p.RawPayloadUri), events.Select(e => (string?)e["raw_payload_uri"]));
        Assert.Equal(["title"], events[1]["changed_fields"]!.AsArray().Select(f => (string?)f));
        Assert.Equal([null, null, "confirmed_gone", null], events.Select(e => (string?)e["closed_reason"]));
        Assert.Equal(404, (int)events[2]["evidence"]!["check"]!["status"]!);
        Assert.Equal([polls[2].PollId.ToString()], events[2]["evidence"]!["polls"]!.AsArray().Select(p => (string?)p));
        Assert.All(events, e => Assert.Equal(
            ["event_id", "event_type", "occurred_at", "content_hash", "source_hash", "status_after", "raw_payload_uri", "changed_fields", "closed_reason", "reposted_from", "evidence"],
            e.Select(field => field.Key)));
        var times = events.Select(e => DateTimeOffset.Parse((string)e["occurred_at"]!)).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(events, e => Assert.EndsWith("Z", (string?)e["occurred_at"]));
        Assert.NotEqual((string?)events[0]["content_hash"], (string?)events[1]["content_hash"]);
    }

    [Fact]
    public async Task TheOrgListsItsBoardsAndCountsItsActiveAndInactivePostings()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Without(Backend).Reply());
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var orgId = await ingestor.ScalarAsync<Guid>("select org_id from orgs");
        var sourceId = await ingestor.ScalarAsync<Guid>("select source_id from boards");

        var org = JsonNode.Parse(await api.Client.GetStringAsync($"/job-postings/v1/orgs/{orgId}", TestContext.Current.CancellationToken))!;

        Assert.Equal((orgId.ToString(), "fal"), ((string?)org["org_id"], (string?)org["name"]));
        Assert.EndsWith("Z", (string?)org["created_at"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$"""[{"source_id":"{{sourceId}}","provider":"greenhouse","board_token":"fal"}]"""), org["boards"]));
        Assert.Equal((2, 1), ((int)org["active_postings"]!, (int)org["inactive_postings"]!));
    }

    [Fact]
    public async Task TheSourceNamesItsProviderTokenAndOrgAndReportsItsHealth()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"), Reply.Error(500), Reply.Error(500), Reply.Error(500), Reply.Error(500));
        var succeeded = await ingestor.PollAsync("fal");
        var failed = await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var orgId = await ingestor.ScalarAsync<Guid>("select org_id from orgs");
        var sourceId = await ingestor.ScalarAsync<Guid>("select source_id from boards");

        var source = JsonNode.Parse(await api.Client.GetStringAsync($"/job-postings/v1/sources/{sourceId}", TestContext.Current.CancellationToken))!;

        Assert.Equal(
            [sourceId.ToString(), "greenhouse", "fal", orgId.ToString(), "fal"],
            new[] { "source_id", "provider", "board_token", "org_id", "org_name" }.Select(name => (string?)source[name]));
        Assert.True((bool)source["enabled"]!);
        var health = source["health"]!;
        Assert.Equal(("failed", 1, 3), ((string?)health["last_outcome"], (int)health["consecutive_failures"]!, (int)health["active_postings"]!));
        Assert.Equal(failed.FinishedAt, DateTimeOffset.Parse((string)health["last_poll_at"]!));
        Assert.Equal(succeeded.ObservedAt, DateTimeOffset.Parse((string)health["last_success_at"]!));
        Assert.NotNull(health["next_poll_at"]);
    }

    [Fact]
    public async Task ABoardWithNoPostingsYetHasNoOrg()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = await ingestor.RegisterAsync("ashby:lambda");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        using var response = await api.Client.GetAsync($"/job-postings/v1/sources/{board.SourceId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var source = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(("ashby", "lambda"), ((string?)source["provider"], (string?)source["board_token"]));
        Assert.Null(source["org_id"]);
        Assert.Null(source["health"]!["last_outcome"]);
        Assert.Equal(0, (int)source["health"]!["active_postings"]!);
    }
}
