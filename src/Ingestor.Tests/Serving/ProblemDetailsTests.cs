using System.Net;
using System.Text.Json.Nodes;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Npgsql;

namespace Ingestor.Tests.Serving;

/// <summary>Every failure answers as RFC 9457 problem details, and none shows a client the server's insides.</summary>
public sealed class ProblemDetailsTests(TestServers servers)
{
    private const string UnknownJobId = "0000000000000000000000000000000000000000";

    public static TheoryData<string, HttpStatusCode> Failures => new()
    {
        { "/job-postings/v1/jobs/not-a-job-id", HttpStatusCode.BadRequest },
        { "/job-postings/v1/jobs/5D7BB08593F65E24F2B9DF8AACB01CB3C3976D37", HttpStatusCode.BadRequest },
        { "/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d3", HttpStatusCode.BadRequest },
        { "/job-postings/v1/jobs/not-a-job-id/events", HttpStatusCode.BadRequest },
        { "/job-postings/v1/orgs/fal", HttpStatusCode.BadRequest },
        { "/job-postings/v1/sources/00cad292f66b476da9f72cd97898a6d0", HttpStatusCode.BadRequest },
        { "/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d37?include=everything", HttpStatusCode.BadRequest },
        { "/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d37?fields=title", HttpStatusCode.BadRequest },
        { $"/job-postings/v1/jobs/{UnknownJobId}", HttpStatusCode.NotFound },
        { $"/job-postings/v1/jobs/{UnknownJobId}/events", HttpStatusCode.NotFound },
        { "/job-postings/v1/orgs/144222fa-e13c-4bb3-be7f-89ec0ca39bac", HttpStatusCode.NotFound },
        { "/job-postings/v1/sources/00cad292-f66b-476d-a9f7-2cd97898a6d0", HttpStatusCode.NotFound },
        { "/job-postings/v1/no-such-thing", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task MalformedIdsAre400AndUnknownIds404AsProblemDetails(string path, HttpStatusCode status)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        using var response = await api.Client.GetAsync(path, TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, status);
        if (status == HttpStatusCode.BadRequest)
            Assert.Matches("job_id|org_id|source_id|include|fields", (string?)problem["detail"]);
    }

    [Fact]
    public async Task AnUnreachableDatabaseIs503AndNotReadyWhileTheProcessStaysLive()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var closedPort = new NpgsqlConnectionStringBuilder(ingestor.Settings["ConnectionStrings:Postgres"]) { Port = LoopbackPort.Free() };
        await using var api = await TestReadApi.StartAsync(new Dictionary<string, string?>(ingestor.Settings)
        {
            ["ConnectionStrings:Postgres"] = closedPort.ConnectionString,
        });
        var cancel = TestContext.Current.CancellationToken;

        using var record = await api.Client.GetAsync("/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d37", cancel);
        using var org = await api.Client.GetAsync("/job-postings/v1/orgs/144222fa-e13c-4bb3-be7f-89ec0ca39bac", cancel);
        using var ready = await api.Client.GetAsync("/healthz/ready", cancel);
        using var live = await api.Client.GetAsync("/healthz/live", cancel);

        var problem = await ProblemAsync(record, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The database is unavailable", (string?)problem["title"]);
        Assert.NotNull(record.Headers.RetryAfter);
        await ProblemAsync(org, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(cancel));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task AnUnexpectedFailureIsABare500WithoutAStackTrace()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        // A database with no schema at all: every query fails on the server, which is no outage but a fault of ours.
        await using var api = await TestReadApi.StartAsync(new Dictionary<string, string?>(ingestor.Settings)
        {
            ["ConnectionStrings:Postgres"] = await servers.CreateEmptyDatabaseAsync(),
        });

        using var response = await api.Client.GetAsync("/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d37", TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("postings", problem.ToJsonString());
    }

    [Fact]
    public async Task ADatabaseThatAnswersMakesTheApiReady()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        using var ready = await api.Client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    internal static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        return problem;
    }
}
