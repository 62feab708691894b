using System.Security.Cryptography;
using Ingestor.Archive;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

public sealed class ArchiveTests(TestServers servers)
{
    [Fact]
    public async Task TheS3ArchiveKeepsThePayloadCompressedUnderAKeyNamingItsContentAndCodec()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var payload = Payloads.Board("stripe");
        ingestor.Greenhouse.Script("stripe", Reply.Json(payload));

        var poll = await ingestor.PollAsync("stripe");

        var key = Assert.Single(await servers.S3.KeysAsync(ingestor.Bucket));
        Assert.Equal($"s3://{ingestor.Bucket}/{key}", poll.RawPayloadUri);
        Assert.Matches($"^raw/provider=greenhouse/board=stripe/date=\\d{{4}}-\\d{{2}}-\\d{{2}}/.+Z-{Convert.ToHexStringLower(SHA256.HashData(payload))}\\.json\\.zst$", key);
        var stored = await servers.S3.ReadAsync(ingestor.Bucket, key);
        Assert.Equal(payload, PayloadCompression.Decompress(stored));
        Assert.True(stored.Length * 5 <= payload.Length, $"stored {stored.Length:N0} bytes of {payload.Length:N0}: less than 5× smaller");
    }

    [Fact]
    public async Task TheFolderArchiveKeepsThePayloadByteForByteOnceDecompressed()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, ArchiveKind.File);
        var payload = Payloads.Board("fal");
        ingestor.Greenhouse.Script("fal", Reply.Json(payload));

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Succeeded, poll.Outcome);
        Assert.StartsWith("file:///", poll.RawPayloadUri);
        Assert.EndsWith(".json.zst", poll.RawPayloadUri);
        var stored = await File.ReadAllBytesAsync(new Uri(poll.RawPayloadUri!).LocalPath, TestContext.Current.CancellationToken);
        Assert.Equal(payload, PayloadCompression.Decompress(stored));
    }

    [Fact]
    public async Task APayloadIsArchivedWhileItsPollHoldsThePollsOnlyConnection()
    {
        // The poll's transaction stays open until its payload is archived and indexed: with the polls' connections all taken
        // (one here), the index must not wait for one of them.
        var database = await servers.CreateDatabaseAsync() + ";Maximum Pool Size=1;Timeout=3";
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database });
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 3, null), (poll.Outcome, poll.Opened, poll.Error));
        Assert.Equal(poll.RawPayloadUri, await ingestor.ScalarAsync<string>("select uri from archived_payloads"));
    }

    [Fact]
    public async Task APayloadSeenSixTimesInADayIsWrittenOnce()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));

        var polls = new List<PollRecord>();
        for (var i = 0; i < 6; i++)
            polls.Add(await ingestor.PollAsync("fal"));

        var key = Assert.Single(await servers.S3.KeysAsync(ingestor.Bucket));
        Assert.All(polls, p => Assert.Equal((PollOutcome.Succeeded, $"s3://{ingestor.Bucket}/{key}"), (p.Outcome, p.RawPayloadUri)));
    }

    [Fact]
    public async Task ABoardAlternatingBetweenTwoPayloadsWritesEachOnceADay()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        var other = board.Copy().Without(4012000002);
        ingestor.Greenhouse.Script("fal", board.Reply(), other.Reply(), board.Reply(), other.Reply(), board.Reply());

        var polls = new List<PollRecord>();
        for (var i = 0; i < 5; i++)
            polls.Add(await ingestor.PollAsync("fal"));

        // Beside them, poll records (the polls that re-applied bytes seen earlier that day or asked job pages) for a replay.
        Assert.Equal(2, (await servers.S3.KeysAsync(ingestor.Bucket)).Count(key => key.EndsWith(PayloadCompression.Extension, StringComparison.Ordinal)));
        Assert.Equal((polls[0].RawPayloadUri, polls[1].RawPayloadUri), (polls[2].RawPayloadUri, polls[3].RawPayloadUri));
        Assert.Equal([1, 1], polls.Skip(1).Take(2).Select(p => p.Closed + p.Reopened));
    }

    [Fact]
    public async Task ANewDayArchivesTheSamePayloadAgainInItsOwnDatePartition()
    {
        var clock = new ManualClock(SteppingClock.RecordDay);
        await using var ingestor = await TestIngestor.StartAsync(servers, clock: clock);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var first = await ingestor.PollAsync("fal");
        clock.Advance(TimeSpan.FromHours(1));
        var sameDay = await ingestor.PollAsync("fal");
        clock.Advance(TimeSpan.FromDays(1));

        var nextDay = await ingestor.PollAsync("fal");

        Assert.Equal(first.RawPayloadUri, sameDay.RawPayloadUri);
        Assert.Contains("/date=2026-06-06/2026-06-06T18-41-04-423Z-", first.RawPayloadUri);
        Assert.Contains("/date=2026-06-07/2026-06-07T19-41-04-423Z-", nextDay.RawPayloadUri);
        Assert.Equal((PollOutcome.Succeeded, 3, 0), (nextDay.Outcome, nextDay.Unchanged, nextDay.Opened));
        Assert.Equal(2, (await servers.S3.KeysAsync(ingestor.Bucket)).Count);
    }

    [Fact]
    public async Task StoringTheSameKeyTwiceIsHarmless()
    {
        var bucket = $"twice-{Guid.NewGuid():N}"[..20];
        await servers.S3.CreateBucketAsync(bucket);
        var archive = new S3RawArchive(servers.S3.Client(), bucket);
        var payload = "{\"jobs\":[]}"u8.ToArray();

        var first = await archive.StoreAsync("raw/x.json", payload, CancellationToken.None);
        var second = await archive.StoreAsync("raw/x.json", payload, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(payload, await servers.S3.ReadAsync(bucket, "raw/x.json"));
    }
}
