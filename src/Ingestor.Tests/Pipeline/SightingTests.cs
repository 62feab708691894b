using System.Text.Json.Nodes;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>
/// A poll that changes nothing writes no posting row, yet every reader still sees each posting's own last sighting:
/// <c>last_seen_at</c>, <c>last_checked_at</c> and <c>raw_payload_uri</c> keep their meaning through every lifecycle line.
/// </summary>
public sealed class SightingTests(TestServers servers)
{
    private const long Backend = 4009193009, Inference = 4012000001, Advocate = 4012000002;

    private static string Id(long key) => JobId.For("greenhouse", "fal", key.ToString());

    private static Task<IReadOnlyList<(string JobId, string Version)>> RowVersionsAsync(TestIngestor ingestor) =>
        ingestor.QueryAsync<(string, string)>("select job_id, xmin::text from posting_rows order by job_id");

    private static async Task<PostingRow> PostingAsync(TestIngestor ingestor, long key) =>
        (await ingestor.QueryAsync<PostingRow>(Sql.Postings)).Single(p => p.JobId == Id(key));

    private static async Task<DateTime> ObservedAtAsync(TestIngestor ingestor, PollRecord poll) =>
        await ingestor.ScalarAsync<DateTime>("select observed_at from polls where poll_id = @PollId", new { poll.PollId });

    [Fact]
    public async Task TheSamePayloadAgainIsRecordedInOneStatementAndWritesNoPostingRow()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var first = await ingestor.PollAsync("fal");
        var rows = await RowVersionsAsync(ingestor);
        var board = await ingestor.RegisterAsync("fal");
        using var commands = new DatabaseCommands(ingestor.Settings["ConnectionStrings:Postgres"]!);

        var again = await ingestor.Get<Ingestor.Polling.BoardPoller>().PollAsync(board, CancellationToken.None);

        Assert.Single(commands.Sent);
        Assert.Equal((PollOutcome.Succeeded, 3, 3, first.RawPayloadUri), (again.Outcome, again.JobCount, again.Unchanged, again.RawPayloadUri));
        Assert.Equal(rows, await RowVersionsAsync(ingestor));
        var seenAgain = await ObservedAtAsync(ingestor, again);
        Assert.All(await ingestor.QueryAsync<PostingRow>(Sql.Postings), p =>
        {
            Assert.Equal((seenAgain, seenAgain, first.RawPayloadUri), (p.LastSeenAt, p.LastCheckedAt, p.RawPayloadUri));
            Assert.True(p.FirstSeenAt < p.LastSeenAt);
        });
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from job_events"));
    }

    [Fact]
    public async Task ABoardClaimedByTheScheduleCarriesItsAppliedPayloadSoTheSameBytesAgainAreOneStatement()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var first = await ingestor.PollAsync("fal");
        await ingestor.ScalarAsync<int>("update boards set next_poll_at = now() - interval '1 second' returning 1");
        var claimed = Assert.Single(await ingestor.Get<Boards>().ClaimDueAsync(10, TimeSpan.FromMinutes(2), CancellationToken.None));
        using var commands = new DatabaseCommands(ingestor.Settings["ConnectionStrings:Postgres"]!);

        var again = await ingestor.Get<Ingestor.Polling.BoardPoller>().PollAsync(claimed.Board, CancellationToken.None);

        Assert.Equal(first.PayloadSha256, claimed.Board.PayloadSha256);
        Assert.Single(commands.Sent);
        Assert.Equal((PollOutcome.Succeeded, 3, first.RawPayloadUri), (again.Outcome, again.Unchanged, again.RawPayloadUri));
    }

    [Fact]
    public async Task ThePostingsOfAReserializedPayloadAreNotRewrittenButTheNewBytesAreArchived()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Reserialized());
        var first = await ingestor.PollAsync("fal");
        var rows = await RowVersionsAsync(ingestor);
        var board = await ingestor.RegisterAsync("fal");
        using var commands = new DatabaseCommands(ingestor.Settings["ConnectionStrings:Postgres"]!);
        Assert.NotNull(board.ListingSha256);

        var again = await ingestor.Get<Ingestor.Polling.BoardPoller>().PollAsync(board, CancellationToken.None);

        // Not the applied bytes, so not asked whether they are: the archive's index (archived today?), and one statement
        // that finds the postings listed as the board holds them. Not one posting row is read.
        Assert.Equal(3, commands.Sent.Count);
        Assert.DoesNotContain(commands.Sent, command => command.Contains("from polls applied"));
        Assert.DoesNotContain(commands.Sent, command => command.Contains("posting_rows"));
        Assert.Equal((PollOutcome.Succeeded, 3, 3, 0, 0), (again.Outcome, again.JobCount, again.Unchanged, again.Opened, again.Updated));
        Assert.NotEqual(first.RawPayloadUri, again.RawPayloadUri);
        Assert.Equal(2, (await servers.S3.KeysAsync(ingestor.Bucket)).Count);
        Assert.Equal(rows, await RowVersionsAsync(ingestor));
        var seenAgain = await ObservedAtAsync(ingestor, again);
        Assert.All(await ingestor.QueryAsync<PostingRow>(Sql.Postings), p => Assert.Equal((seenAgain, seenAgain, again.RawPayloadUri), (p.LastSeenAt, p.LastCheckedAt, p.RawPayloadUri)));
        Assert.Equal(
            (again.PollId, again.RawPayloadUri, "succeeded", board.ListingSha256),
            (await ingestor.QueryAsync<(Guid, string, string, string)>("select snapshot_poll_id, snapshot_uri, last_outcome, listing_sha256 from boards")).Single());

        // Those bytes again are the board's applied payload now: the one statement of an unchanged one.
        board = await ingestor.RegisterAsync("fal");
        Assert.Equal(again.PayloadSha256, board.PayloadSha256);
        commands.Clear();
        var third = await ingestor.Get<Ingestor.Polling.BoardPoller>().PollAsync(board, CancellationToken.None);
        Assert.Single(commands.Sent);
        Assert.Equal((PollOutcome.Succeeded, again.RawPayloadUri), (third.Outcome, third.RawPayloadUri));
    }

    [Fact]
    public async Task AReserializedListTakesTheWholePathWhileAPostingWaitsForItsSecondAbsence()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        var without = fal.Copy().Without(Advocate);
        ingestor.Greenhouse.Script("fal", fal.Reply(), without.Reply(), without.Reserialized());
        ingestor.Greenhouse.Script($"fal/jobs/{Advocate}", Reply.Error(403));
        await ingestor.PollAsync("fal");
        var firstAbsence = await ingestor.PollAsync("fal");

        var secondAbsence = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 0), (firstAbsence.Outcome, firstAbsence.Closed));
        Assert.Equal((PollOutcome.Succeeded, 1, 2), (secondAbsence.Outcome, secondAbsence.Closed, secondAbsence.Unchanged));
        Assert.Equal("inactive", (await PostingAsync(ingestor, Advocate)).Status);
        Assert.Equal("{}", await ingestor.ScalarAsync<string>("select pending_closes::text from boards"));
    }

    [Fact]
    public async Task APostingMissingFromAPartialSnapshotKeepsItsOwnLastSighting()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        var partial = board.Copy().Without(Advocate).DeclaringTotal(5).Reply();
        ingestor.Greenhouse.Script("fal", board.Reply(), partial, partial, board.Reply());
        var full = await ingestor.PollAsync("fal");
        var fullSeen = await ObservedAtAsync(ingestor, full);

        var firstPartial = await ingestor.PollAsync("fal");
        var secondPartial = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Partial, PollOutcome.Partial), (firstPartial.Outcome, secondPartial.Outcome));
        var missing = await PostingAsync(ingestor, Advocate);
        Assert.Equal(("active", fullSeen, fullSeen, full.RawPayloadUri), (missing.Status, missing.LastSeenAt, missing.LastCheckedAt, missing.RawPayloadUri));
        var listed = await PostingAsync(ingestor, Inference);
        Assert.Equal((await ObservedAtAsync(ingestor, secondPartial), firstPartial.RawPayloadUri), (listed.LastSeenAt, listed.RawPayloadUri));

        var whole = await ingestor.PollAsync("fal");

        var wholeSeen = await ObservedAtAsync(ingestor, whole);
        Assert.All(await ingestor.QueryAsync<PostingRow>(Sql.Postings), p => Assert.Equal((wholeSeen, whole.RawPayloadUri), (p.LastSeenAt, p.RawPayloadUri)));
    }

    [Fact]
    public async Task AClosedPostingKeepsTheSightingBeforeItsCloseAndIsCheckedAtTheClose()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Reply(), board.Copy().Without(Advocate).Reply());
        await ingestor.PollAsync("fal");
        var lastSighting = await ingestor.PollAsync("fal");

        var close = await ingestor.PollAsync("fal");

        var closed = await PostingAsync(ingestor, Advocate);
        var closedAt = await ObservedAtAsync(ingestor, close);
        Assert.Equal(
            ("inactive", await ObservedAtAsync(ingestor, lastSighting), closedAt, (DateTime?)closedAt, lastSighting.RawPayloadUri),
            (closed.Status, closed.LastSeenAt, closed.LastCheckedAt, closed.InactiveAt, closed.RawPayloadUri));
        Assert.Equal((closedAt, close.RawPayloadUri), ((await PostingAsync(ingestor, Backend)).LastSeenAt, (await PostingAsync(ingestor, Backend)).RawPayloadUri));
    }

    [Fact]
    public async Task AReopenedPostingIsSeenWithItsBoardAgain()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Without(Advocate).Reply(), board.Reply(), board.Reply());
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");

        var again = await ingestor.PollAsync("fal");

        var reopened = await PostingAsync(ingestor, Advocate);
        Assert.Equal(("active", await ObservedAtAsync(ingestor, again)), (reopened.Status, reopened.LastSeenAt));
    }

    [Fact]
    public async Task AnUnchangedBoardAnsweringNotModifiedIsRecordedAsUnchanged()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { ETag = "\"v1\"", LastModified = "Sat, 06 Jun 2026 18:00:00 GMT" });
        var first = await ingestor.PollAsync("fal");

        var again = await ingestor.PollAsync("fal");

        var sent = ingestor.Greenhouse.LastRequestHeaders("fal")!;
        Assert.Equal(("\"v1\"", "Sat, 06 Jun 2026 18:00:00 GMT"), (sent.IfNoneMatch.ToString(), sent.IfModifiedSince.ToString()));
        Assert.Equal((304, PollOutcome.Succeeded, 3, first.PayloadSha256, first.RawPayloadUri),
            (again.HttpStatus, again.Outcome, again.Unchanged, again.PayloadSha256, again.RawPayloadUri));
        var recorded = (await ingestor.QueryAsync<(int, string, string)>(
            "select http_status, etag, last_modified from polls where poll_id = @PollId", new { again.PollId })).Single();
        Assert.Equal((304, "\"v1\"", "Sat, 06 Jun 2026 18:00:00 GMT"), recorded);
        Assert.Equal(await ObservedAtAsync(ingestor, again), (await PostingAsync(ingestor, Backend)).LastSeenAt);
    }

    [Fact]
    public async Task NotModifiedOnANewDayFetchesThePayloadToArchiveItInThatDay()
    {
        var clock = new ManualClock(SteppingClock.RecordDay);
        await using var ingestor = await TestIngestor.StartAsync(servers, clock: clock);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { ETag = "\"v1\"" });
        var first = await ingestor.PollAsync("fal");
        clock.Advance(TimeSpan.FromDays(1));

        var nextDay = await ingestor.PollAsync("fal");

        Assert.Equal((200, PollOutcome.Succeeded, 3), (nextDay.HttpStatus, nextDay.Outcome, nextDay.Unchanged));
        Assert.Equal(3, ingestor.Greenhouse.Requests("fal"));
        Assert.Contains("/date=2026-06-07/", nextDay.RawPayloadUri);
        Assert.Equal(2, (await servers.S3.KeysAsync(ingestor.Bucket)).Count);
        Assert.Equal(nextDay.RawPayloadUri, (await PostingAsync(ingestor, Backend)).RawPayloadUri);
        Assert.NotEqual(first.RawPayloadUri, nextDay.RawPayloadUri);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task ACompressedResponseIsReadDecodedAndItsEncodingRecorded(string encoding)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { Encoding = encoding });

        var poll = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 3), (poll.Outcome, poll.Opened));
        Assert.Contains(encoding, ingestor.Greenhouse.LastRequestHeaders("fal")!.AcceptEncoding.ToString());
        Assert.Equal(Payloads.Board("fal").Length, poll.PayloadBytes);
        Assert.Equal(encoding, await ingestor.ScalarAsync<string>("select content_encoding from polls where poll_id = @PollId", new { poll.PollId }));
    }

    [Fact]
    public async Task ACompressedBodyIsCappedByItsDecodedSize()
    {
        // Compressed on the wire, the stripe board is well under the cap; decoded, it is far over it.
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["Greenhouse:MaxPayloadBytes"] = "2000000" });
        ingestor.Greenhouse.Script("stripe", Reply.Board("stripe") with { Encoding = "gzip" });

        var poll = await ingestor.PollAsync("stripe");

        Assert.Equal(PollOutcome.Failed, poll.Outcome);
        Assert.Contains("larger than the configured cap of 2,000,000 bytes", poll.Error);
        Assert.Empty(await servers.S3.KeysAsync(ingestor.Bucket));
    }

    [Fact]
    public async Task ARetitledPostingKeepsItsStoredDescriptionWithoutWritingItAgain()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        // Random text does not compress, so the description is stored out of line (TOAST), in chunks we can count.
        var description = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(60_000));
        var board = BoardPayload.Of("fal").Edit(Backend, job => job["content"] = $"&lt;p&gt;{description}&lt;/p&gt;");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Edit(Backend, job => job["title"] = "Staff Software Engineer, Backend").Reply());
        var first = await ingestor.PollAsync("fal");

        var retitled = await ingestor.PollAsync("fal");

        var toast = await ingestor.ScalarAsync<string>("select reltoastrelid::regclass::text from pg_class where relname = 'posting_rows'");
        var sql = $"select count(*) from {toast} where xmin = (select xmin from polls where poll_id = @PollId)";
        var descriptionChunks = await ingestor.ScalarAsync<long>(sql, new { first.PollId });
        Assert.Equal(1, retitled.Updated);
        Assert.True(descriptionChunks >= 20, $"the description should be stored out of line, in {descriptionChunks} chunks");
        Assert.True(await ingestor.ScalarAsync<long>(sql, new { retitled.PollId }) < descriptionChunks / 2);
        Assert.Equal(description, (await ingestor.ScalarAsync<string>("select description_text from postings where job_id = @Id", new { Id = Id(Backend) })));
    }
}
