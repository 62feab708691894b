using System.Buffers.Text;
using System.Net;
using System.Text;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>The change feed's filters, the cursor that binds them, and the requests it refuses.</summary>
public sealed class ChangeFeedRequestTests(TestServers servers)
{
    private const long Backend = 4009193009, Advocate = 4012000002;

    [Fact]
    public async Task FiltersServeOnlyTheirEventsAndACaughtUpFilteredCursorMissesNoLaterMatch()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Without(Advocate).Reply(), board.Reply(), board.Copy().Without(Backend).Reply());
        ingestor.Greenhouse.Script("lever:plaid", Reply.Json(File.ReadAllBytes(RepositoryPaths.Samples("lever/v0/postings/plaid.json"))));
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("lever:plaid");
        await ingestor.PollAsync("fal");
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var feed = new FeedConsumer(api.Client);

        var closed = await feed.WalkAsync(null, limit: 1, ("event_type", "closed"));
        var lever = await feed.WalkAsync(null, limit: 7, ("provider", "lever"));
        var greenhouseOpened = await feed.WalkAsync(null, limit: 2, ("event_type", "opened"), ("provider", "greenhouse"));
        await ingestor.PollAsync("fal"); // Advocate reopens: nothing closes
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        var noNewClose = await feed.ReadAsync(("event_type", "closed"), ("cursor", closed.NextCursor));
        await ingestor.PollAsync("fal"); // Backend closes
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        var newClose = await feed.ReadAsync(("event_type", "closed"), ("cursor", noNewClose.NextCursor));

        var stored = await ChangeFeedTests.StoredEventsAsync(ingestor);
        long[] Stored(Func<Ingestor.Serving.Feed.FeedEvent, bool> selected) => [.. stored.Where(selected).Select(e => e.EventId)];
        Assert.Equal(Stored(e => e.EventType == "closed").Take(1), FeedConsumer.Ids(closed.Events));
        Assert.Equal(Stored(e => e.Provider == "lever"), FeedConsumer.Ids(lever.Events));
        Assert.Equal(20, lever.Events.Count);
        Assert.Equal(Stored(e => e.EventType == "opened" && e.Provider == "greenhouse"), FeedConsumer.Ids(greenhouseOpened.Events));
        Assert.Equal(3, greenhouseOpened.Events.Count);
        Assert.Empty(noNewClose.Data);
        Assert.Equal(Stored(e => e.EventType == "closed").Skip(1), FeedConsumer.Ids(newClose.Data));
        Assert.Equal(("closed", "inactive"), ((string?)newClose.Data.Single()["event_type"], (string?)newClose.Data.Single()["status_after"]));
    }

    [Fact]
    public async Task ACursorIsRefusedWithFiltersOtherThanTheOnesItWasReturnedFor()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var closedCursor = (await new FeedConsumer(api.Client).ReadAsync(("event_type", "closed"))).NextCursor;
        var cancel = TestContext.Current.CancellationToken;

        using var unfiltered = await api.Client.GetAsync($"/job-postings/v1/events?cursor={closedCursor}", cancel);
        using var otherType = await api.Client.GetAsync($"/job-postings/v1/events?cursor={closedCursor}&event_type=opened", cancel);
        using var addedProvider = await api.Client.GetAsync($"/job-postings/v1/events?cursor={closedCursor}&event_type=closed&provider=greenhouse", cancel);

        foreach (var response in new[] { unfiltered, otherType, addedProvider })
        {
            var problem = await ProblemDetailsTests.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.StartsWith("cursor was returned for event_type=closed and provider=(any)", (string?)problem["detail"]);
        }
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "since=2026-06-01", "since" },
        { "limit=0", "limit" },
        { "limit=501", "limit" },
        { "limit=-1", "limit" },
        { "limit=ten", "limit" },
        { "limit=10&limit=20", "limit" },
        { "event_type=deleted", "event_type" },
        { "event_type=Opened", "event_type" },
        { "event_type=opened,closed", "event_type" },
        { "provider=workday", "provider" },
        { "provider=Greenhouse", "provider" },
        { "cursor=not%20base64url", "cursor" },
        { $"cursor={Base64Url.EncodeToString("not json"u8)}", "cursor" },
        { $"cursor={Base64Url.EncodeToString("""{"txid":1}"""u8)}", "cursor" },
        { $"cursor={Base64Url.EncodeToString("""{"txid":1,"eventId":-1,"eventType":null,"provider":null}"""u8)}", "cursor" },
        { $"cursor={Base64Url.EncodeToString("""{"txid":1,"eventId":1,"eventType":null,"provider":null,"since":0}"""u8)}", "cursor" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task AnUnknownParameterOrABadValueIs400NamingIt(string query, string parameter)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        using var response = await api.Client.GetAsync($"/job-postings/v1/events?{query}", TestContext.Current.CancellationToken);

        var problem = await ProblemDetailsTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(parameter, (string?)problem["detail"]);
    }

    [Fact]
    public async Task AWellFormedCursorOfTheSameFiltersIsTakenAsItsPosition()
    {
        // The well-formed counterpart of the refused cursors above, so they fail for what is wrong in them alone.
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await FeedConsumer.AllEventsBelowTheWatermarkAsync(ingestor);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var start = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"txid":0,"eventId":0,"eventType":null,"provider":null}"""));

        var page = await new FeedConsumer(api.Client).ReadAsync(("cursor", start));

        Assert.Equal(3, page.Data.Count);
    }
}
