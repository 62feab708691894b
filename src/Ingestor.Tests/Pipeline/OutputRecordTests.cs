using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>The fal fixture becomes the row of our contract: the output record of a real system of this kind.</summary>
public sealed class OutputRecordTests(TestServers servers)
{
    [Fact]
    public async Task TheFalPostingMatchesTheOutputRecordInEveryFieldThePayloadDetermines()
    {
        var clock = new SteppingClock(SteppingClock.RecordDay, TimeSpan.Zero);
        await using var ingestor = await TestIngestor.StartAsync(servers, clock: clock);
        var payload = Payloads.Board("fal");
        ingestor.Greenhouse.Script("fal", Reply.Json(payload));
        await ingestor.PollAsync("fal");

        var record = (await ingestor.Get<PostingRecords>().FindAsync("5d7bb08593f65e24f2b9df8aacb01cb3c3976d37", CancellationToken.None))!;
        var posting = record["posting"]!.AsObject();
        string? Text(string column) => (string?)posting[column];

        Assert.Equal("5d7bb08593f65e24f2b9df8aacb01cb3c3976d37", Text("job_id"));
        Assert.True(Guid.TryParse(Text("org_id"), out _));
        Assert.True(Guid.TryParse(Text("source_id"), out _));
        Assert.Equal(
            ["greenhouse", "fal", "4009193009", "fal", "Senior Software Engineer, Backend", "active"],
            new[] { "provider", "board_token", "provider_job_key", "company_name", "title", "status" }.Select(Text));
        Assert.Equal(
            ["San Francisco", "San Francisco", "CA", "United States", "US", "Engineering"],
            new[] { "location_text", "city", "region", "country", "country_code", "department" }.Select(Text));
        Assert.False((bool)posting["is_remote"]!);
        Assert.All(new[] { "workplace_type", "remote_policy", "team", "employment_type", "inactive_at" }, column => Assert.Null(posting[column]));
        Assert.Equal(
            "Compensation: $180,000 - $250,000 + equity + comprehensive benefits package Location: We are currently hiring in",
            Text("salary_raw"));
        Assert.Equal((180000m, 250000m), ((decimal)posting["salary_min"]!, (decimal)posting["salary_max"]!));
        Assert.Equal(("USD", "year"), (Text("salary_currency"), Text("salary_period")));
        Assert.Equal("https://job-boards.greenhouse.io/fal/jobs/4009193009", Text("source_url"));
        Assert.Equal(Text("source_url"), Text("apply_url"));
        Assert.Equal("en", Text("language"));

        Assert.Equal(new DateTimeOffset(2025, 7, 21, 19, 46, 29, TimeSpan.Zero), Instant(posting["source_posted_at"]));
        Assert.Equal(new DateTimeOffset(2026, 5, 21, 19, 54, 5, TimeSpan.Zero), Instant(posting["source_updated_at"]));
        Assert.All(new[] { "first_seen_at", "last_seen_at", "last_checked_at", "last_changed_at" },
            column => Assert.Equal(SteppingClock.RecordDay, Instant(posting[column])));

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(payload));
        Assert.Equal(
            $"s3://{ingestor.Bucket}/raw/provider=greenhouse/board=fal/date=2026-06-06/2026-06-06T18-41-04-423Z-{sha256}.json.zst",
            Text("raw_payload_uri"));
        Assert.Matches("^[0-9a-f]{64}$", Text("content_hash"));
        Assert.Matches("^[0-9a-f]{64}$", Text("source_hash"));

        var native = posting["native"]!.AsObject();
        Assert.Null(native["content"]);
        Assert.Equal(4009193009L, (long)native["id"]!);
        Assert.StartsWith("<p>fal is the generative media ecosystem", Text("description_html"));
        Assert.StartsWith("fal is the generative media ecosystem powering the next generation of AI products.\nRequirements\n", Text("description_text"));

        var parsed = posting["parsed"]!.AsObject();
        Assert.Equal("en", (string?)parsed["language"]);
        var location = parsed["location"]!.AsObject();
        Assert.Equal(
            ("San Francisco", "San Francisco", "CA", "United States", false, 0.75),
            ((string?)location["raw"], (string?)location["city"], (string?)location["region"], (string?)location["country"],
             (bool)location["is_remote"]!, (double)location["confidence"]!));
        Assert.Equal((180000m, 250000m, "USD", "year"),
            ((decimal)parsed["salary_min"]!, (decimal)parsed["salary_max"]!, (string?)parsed["salary_currency"], (string?)parsed["salary_period"]));
        Assert.Null(parsed["remote_policy"]);
        Assert.Null(parsed["workplace_type"]);
        // Stamped as the row was written, by the poll's clock.
        Assert.InRange(Instant(parsed["inferred_at"]), SteppingClock.RecordDay, SteppingClock.RecordDay.AddMinutes(1));
        var scope = parsed["launch_scope"]!.AsObject();
        Assert.Equal((true, "english_us_canada", "en"), ((bool)scope["included"]!, (string?)scope["reason"], (string?)scope["language"]));
        Assert.Equal(["United States"], scope["countries"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("San Francisco", (string?)scope["location"]!["city"]);

        var opened = Assert.Single(record["events"]!.AsArray())!.AsObject();
        Assert.Equal(("opened", "active"), ((string?)opened["event_type"], (string?)opened["status_after"]));
        Assert.Equal(Text("content_hash"), (string?)opened["content_hash"]);
        Assert.Equal(Text("raw_payload_uri"), (string?)opened["raw_payload_uri"]);
    }

    private static DateTimeOffset Instant(JsonNode? value) => DateTimeOffset.Parse((string)value!).ToUniversalTime();
}
