using System.Security.Cryptography;
using Ingestor.Archive;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

public sealed class ArchiveTests(TestServers servers)
{
    [Fact]
    public async Task TheS3ArchiveKeepsThePayloadByteForByteUnderAKeyNamingItsContent()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var payload = Payloads.Board("stripe");
        ingestor.Greenhouse.Script("stripe", Reply.Json(payload));

        var poll = await ingestor.PollAsync("stripe");

        var key = Assert.Single(await servers.S3.KeysAsync(ingestor.Bucket));
        Assert.Equal($"s3://{ingestor.Bucket}/{key}", poll.RawPayloadUri);
        Assert.Matches($"^raw/provider=greenhouse/board=stripe/date=\\d{{4}}-\\d{{2}}-\\d{{2}}/.+Z-{Convert.ToHexStringLower(SHA256.HashData(payload))}\\.json$", key);
        Assert.Equal(payload, await servers.S3.ReadAsync(ingestor.Bucket, key));
    }

    [Fact]
    public async Task TheFolderArchiveKeepsThePayloadByteForByte()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, ArchiveKind.File);
        var payload = Payloads.Board("fal");
        ingestor.Greenhouse.Script("fal", Reply.Json(payload));

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal(PollOutcome.Succeeded, poll.Outcome);
        Assert.StartsWith("file:///", poll.RawPayloadUri);
        Assert.Equal(payload, await File.ReadAllBytesAsync(new Uri(poll.RawPayloadUri!).LocalPath, TestContext.Current.CancellationToken));
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
