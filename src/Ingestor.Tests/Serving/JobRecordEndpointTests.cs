using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary><c>GET /job-postings/v1/jobs/{job_id}</c> over the fal fixture, ingested through the real pipeline.</summary>
public sealed class JobRecordEndpointTests(TestServers servers)
{
    private const string FalBackend = "/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d37";

    // The output record's names in its order (shared/output-record, issue 13).
    private static readonly string[] RecordNames =
    [
        "job_id", "org_id", "source_id", "board_id", "provider", "provider_job_key", "company_name", "title", "normalized_title", "status",
        "active", "location_text", "city", "region", "country", "country_code", "is_remote", "workplace_type", "remote_policy", "department",
        "team", "employment_type", "salary_raw", "salary_min", "salary_max", "salary_currency", "salary_period", "source_url", "apply_url",
        "language", "first_seen_at", "last_seen_at", "last_checked_at", "last_changed_at", "inactive_at", "source_posted_at",
        "source_updated_at", "raw_payload_uri", "event_fields", "parsed", "extensions", "native",
    ];

    [Fact]
    public async Task TheFalRecordWithItsDescriptionCarriesTheOutputRecordsValues()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, clock: new SteppingClock(SteppingClock.RecordDay, TimeSpan.Zero));
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var poll = await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        using var response = await api.Client.GetAsync($"{FalBackend}?include=description", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var record = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        Assert.Equal([.. RecordNames, "description", "description_html"], record.Select(field => field.Key));
        string? Text(string name) => (string?)record[name];

        Assert.Equal("5d7bb08593f65e24f2b9df8aacb01cb3c3976d37", Text("job_id"));
        var sourceId = await ingestor.ScalarAsync<Guid>("select source_id from boards where board_token = 'fal'");
        var orgId = await ingestor.ScalarAsync<Guid>("select org_id from orgs where name = 'fal'");
        Assert.Equal((orgId.ToString(), sourceId.ToString(), sourceId.ToString()), (Text("org_id"), Text("source_id"), Text("board_id")));
        Assert.Equal(
            ["greenhouse", "4009193009", "fal", "Senior Software Engineer, Backend", "active"],
            new[] { "provider", "provider_job_key", "company_name", "title", "status" }.Select(Text));
        Assert.True((bool)record["active"]!);
        Assert.Equal(
            ["San Francisco", "San Francisco", "CA", "United States", "US", "Engineering", "en"],
            new[] { "location_text", "city", "region", "country", "country_code", "department", "language" }.Select(Text));
        Assert.False((bool)record["is_remote"]!);
        Assert.All(new[] { "workplace_type", "remote_policy", "team", "employment_type", "inactive_at" }, name => Assert.Null(record[name]));

        Assert.Equal(
            "Compensation: $180,000 - $250,000 + equity + comprehensive benefits package Location: We are currently hiring in",
            Text("salary_raw"));
        Assert.Equal(("180000", "250000"), (record["salary_min"]!.ToJsonString(), record["salary_max"]!.ToJsonString()));
        Assert.Equal(("USD", "year"), (Text("salary_currency"), Text("salary_period")));
        Assert.Equal("https://job-boards.greenhouse.io/fal/jobs/4009193009", Text("source_url"));
        Assert.Equal("https://job-boards.greenhouse.io/fal/jobs/4009193009", Text("apply_url"));

        // UTC as ISO-8601: the output record's source times exactly; ours first saw the posting at the recorded poll.
        Assert.Equal(("2025-07-21T19:46:29Z", "2026-05-21T19:54:05Z"), (Text("source_posted_at"), Text("source_updated_at")));
        Assert.All(new[] { "first_seen_at", "last_seen_at", "last_checked_at", "last_changed_at" },
            name => Assert.Equal("2026-06-06T18:41:04.423Z", Text(name)));
        Assert.Equal(poll.RawPayloadUri, Text("raw_payload_uri"));
        Assert.StartsWith($"s3://{ingestor.Bucket}/raw/provider=greenhouse/board=fal/date=2026-06-06/2026-06-06T18-41-04-423Z-", Text("raw_payload_uri"));

        var eventFields = record["event_fields"]!.AsObject();
        Assert.Equal(["content_hash", "source_hash", "last_changed_at", "active_status"], eventFields.Select(field => field.Key));
        Assert.Matches("^[0-9a-f]{64}$", (string?)eventFields["content_hash"]);
        Assert.Matches("^[0-9a-f]{64}$", (string?)eventFields["source_hash"]);
        Assert.Equal(("2026-06-06T18:41:04.423Z", "active"), ((string?)eventFields["last_changed_at"], (string?)eventFields["active_status"]));

        var scope = record["parsed"]!["launch_scope"]!.AsObject();
        Assert.Equal((true, "english_us_canada", "en"), ((bool)scope["included"]!, (string?)scope["reason"], (string?)scope["language"]));
        Assert.Equal(["United States"], scope["countries"]!.AsArray().Select(c => (string?)c));
        // Every field of the output record's location, with its value (ours adds a few, such as country_code).
        var location = JsonNode.Parse("""{"raw":"San Francisco","city":"San Francisco","region":"CA","country":"United States","is_remote":false,"confidence":0.75}""")!;
        Assert.All(location.AsObject(), field => Assert.True(JsonNode.DeepEquals(field.Value, scope["location"]![field.Key]), field.Key));
        // No repost: the posting is the first of its own line.
        var lineage = record["extensions"]!["lineage"]!;
        Assert.Equal((null, (string?)record["job_id"], (string?)record["first_seen_at"]),
            ((string?)lineage["reposted_from"], (string?)lineage["lineage_id"], (string?)lineage["lineage_first_seen_at"]));

        var native = record["native"]!.AsObject();
        Assert.Null(native["content"]);
        // The payload spells requisition_id as a string; native keeps what the payload said.
        Assert.Equal(("Senior Software Engineer, Backend", "fal", "4007458009"),
            ((string?)native["title"], (string?)native["company_name"], native["requisition_id"]!.ToString()));
        Assert.Equal(("2025-07-21T15:46:29-04:00", "2026-05-21T15:54:05-04:00"), ((string?)native["first_published"], (string?)native["updated_at"]));
        Assert.Equal("SF Office", (string?)native["offices"]![0]!["name"]);
        Assert.Equal("Engineering", (string?)native["departments"]![0]!["name"]);

        Assert.StartsWith("fal is the generative media ecosystem powering the next generation of AI products.", Text("description"));
        Assert.Contains("We are currently hiring in downtown San Francisco.", Text("description"));
        Assert.DoesNotContain("<", Text("description"));
        Assert.StartsWith("<p>fal is the generative media ecosystem", Text("description_html"));
    }

    [Fact]
    public async Task WithoutIncludeTheDescriptionIsAbsentAndTheRecordOtherwiseTheSame()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        var plain = JsonNode.Parse(await api.Client.GetStringAsync(FalBackend, TestContext.Current.CancellationToken))!.AsObject();
        var described = JsonNode.Parse(await api.Client.GetStringAsync($"{FalBackend}?include=description", TestContext.Current.CancellationToken))!.AsObject();

        Assert.Equal(RecordNames, plain.Select(field => field.Key));
        described.Remove("description");
        described.Remove("description_html");
        Assert.True(JsonNode.DeepEquals(plain, described));
    }

    [Fact]
    public async Task TheRecordCarriesAnETagThatAnswers304UntilTheRecordChanges()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var cancel = TestContext.Current.CancellationToken;

        using var first = await api.Client.GetAsync(FalBackend, cancel);
        var tag = first.Headers.ETag!;
        using var described = await api.Client.GetAsync($"{FalBackend}?include=description", cancel);
        using var revalidated = await Conditional(FalBackend, tag);
        await ingestor.PollAsync("fal"); // seen again: a later last_seen_at
        using var afterPoll = await Conditional(FalBackend, tag);

        Assert.False(tag.IsWeak);
        Assert.NotEqual(tag, described.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(tag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync(cancel));
        Assert.Equal(HttpStatusCode.OK, afterPoll.StatusCode);
        Assert.NotEqual(tag, afterPoll.Headers.ETag);

        async Task<HttpResponseMessage> Conditional(string path, EntityTagHeaderValue known)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(known);
            return await api.Client.SendAsync(request, cancel);
        }
    }
}
