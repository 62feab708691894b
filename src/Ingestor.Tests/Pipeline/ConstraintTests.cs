using Dapper;
using Ingestor.Providers;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Npgsql;

namespace Ingestor.Tests.Pipeline;

/// <summary>No duplicate rows or events, ever: the schema refuses them even when code would not.</summary>
public sealed class ConstraintTests(TestServers servers)
{
    [Fact]
    public async Task ThereIsAtMostOneEventPerPostingAndPoll()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var poll = await ingestor.PollAsync("fal");

        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => ingestor.ScalarAsync<int>(
            """
            insert into job_events (job_id, poll_id, event_type, occurred_at, content_hash, source_hash, status_after, raw_payload_uri)
            select job_id, poll_id, 'updated', occurred_at, content_hash, source_hash, 'active', raw_payload_uri from job_events limit 1
            """));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from job_events where poll_id = @PollId", new { poll.PollId }));
    }

    [Fact]
    public async Task APostingOpensOnlyOnce()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        var second = await ingestor.PollAsync("fal");

        var reopen = await Assert.ThrowsAsync<PostgresException>(() => ingestor.ScalarAsync<int>(
            """
            insert into job_events (job_id, poll_id, event_type, occurred_at, content_hash, source_hash, status_after, raw_payload_uri)
            select job_id, @PollId, 'opened', now(), content_hash, source_hash, 'active', raw_payload_uri from job_events limit 1
            """, new { second.PollId }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, reopen.SqlState);
    }

    [Fact]
    public async Task AnOlderSnapshotArrivingAfterANewerOneChangesNothing()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var board = await ingestor.RegisterAsync("fal");
        var newer = await ingestor.Get<Ingestor.Polling.BoardPoller>().PollAsync(board, CancellationToken.None);
        var observedBefore = await ingestor.ScalarAsync<DateTime>("select last_snapshot_at from boards");

        var receipt = new PayloadReceipt(Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, new DateTimeOffset(observedBefore).AddMinutes(-5), 200,
            new string('0', 64), 0, ETag: null, LastModified: null, ContentEncoding: null);
        var stale = new ObservedSnapshot(receipt, "s3://old/payload.json", [], IsComplete: true, DeclaredTotal: 0, Problems: [], Checks: new Dictionary<string, JobCheck>(),
            ListingSha256: null);
        await using var transaction = await ingestor.Get<PostingStore>().BeginAsync(board, CancellationToken.None);
        var poll = await transaction.ApplyAsync(stale, Task.CompletedTask, CancellationToken.None);

        Assert.Equal(PollOutcome.Superseded, poll.Outcome);
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from postings where status = 'active'"));
        Assert.Equal(newer.RawPayloadUri, await ingestor.ScalarAsync<string>("select distinct raw_payload_uri from postings"));
    }

    [Fact]
    public async Task AnOlderPayloadListingTheSamePostingsArrivingAfterANewerOneIsLeftToTheWholePath()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var board = await ingestor.RegisterAsync("fal");
        var newer = await ingestor.Get<Ingestor.Polling.BoardPoller>().PollAsync(board, CancellationToken.None);
        var observedBefore = new DateTimeOffset(await ingestor.ScalarAsync<DateTime>("select last_snapshot_at from boards"));
        var listing = await ingestor.ScalarAsync<string>("select listing_sha256 from boards");
        PayloadReceipt Receipt(TimeSpan observedLater) => new(
            Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, observedBefore + observedLater, 200, new string('0', 64), 0, ETag: null, LastModified: null, ContentEncoding: null);
        var listings = ingestor.Get<UnchangedListings>();

        var older = await listings.TryRecordAsync(board, Receipt(TimeSpan.FromMinutes(-5)), "s3://old/payload.json", listing, 3, 3, CancellationToken.None);
        var otherListing = await listings.TryRecordAsync(board, Receipt(TimeSpan.FromMinutes(5)), "s3://other/payload.json", new string('1', 64), 3, 3, CancellationToken.None);

        Assert.Null(older);
        Assert.Null(otherListing);
        Assert.Equal((newer.RawPayloadUri, 1), (await ingestor.ScalarAsync<string>("select snapshot_uri from boards"), await ingestor.ScalarAsync<int>("select count(*)::int from polls")));

        var later = await listings.TryRecordAsync(board, Receipt(TimeSpan.FromMinutes(5)), "s3://new/payload.json", listing, 3, 3, CancellationToken.None);

        Assert.Equal((PollOutcome.Succeeded, 3), (later!.Outcome, later.Unchanged));
        Assert.Equal("s3://new/payload.json", await ingestor.ScalarAsync<string>("select distinct raw_payload_uri from postings"));
    }
}
