using Ingestor.Archive;
using Ingestor.Providers;
using Ingestor.Replay;
using Ingestor.Tests.Infrastructure;
using static Ingestor.Tests.Replay.RecordedBoard;

namespace Ingestor.Tests.Replay;

/// <summary>
/// Replay = live: a board's history rebuilt from its archive equals the one its live polls wrote, except what the archive
/// cannot know (polls that found the payload unchanged) and the times of the derivation itself.
/// </summary>
public sealed class ReplayTests(TestServers servers)
{
    // Every column of the output record but the generated ids, the sightings the archive can only bound, and when the parsed
    // fields were derived.
    private const string PostingsSql =
        """
        select job_id, ((to_jsonb(p) - 'org_id' - 'source_id' - 'last_seen_at' - 'last_checked_at' - 'parsed')
                        || jsonb_build_object('parsed', p.parsed - 'inferred_at'))::text as exact,
               first_seen_at, last_seen_at, last_checked_at
        from postings p order by job_id
        """;

    private const string EventsSql =
        """
        select job_id, event_type, occurred_at, coalesce(array_to_string(changed_fields, ','), '') as changed_fields,
               coalesce(closed_reason, '') as closed_reason, content_hash, source_hash, status_after, raw_payload_uri,
               coalesce((evidence -> 'check')::text, '') as check_answer
        from job_events order by occurred_at, job_id, event_type
        """;

    private sealed record PostingRow(string JobId, string Exact, DateTime FirstSeenAt, DateTime LastSeenAt, DateTime LastCheckedAt);

    private sealed record EventRow(
        string JobId, string EventType, DateTime OccurredAt, string ChangedFields, string ClosedReason, string ContentHash, string SourceHash,
        string StatusAfter, string RawPayloadUri, string CheckAnswer);

    private static readonly BoardName Fal = new("greenhouse", "fal");

    [Theory]
    [InlineData(ArchiveKind.File)]
    [InlineData(ArchiveKind.S3)]
    public async Task ReplayingTheArchiveIntoAnEmptyDatabaseRebuildsThePostingsAndEventsLivePollsWrote(ArchiveKind archive)
    {
        await using var live = await RecordAsync(servers, archive);
        await using var replica = await ReplicaAsync(servers, live, archive);

        var days = new List<DateOnly>();
        var summary = await ReplayOf(replica).RunAsync(Fal, null, (_, day, dayDone) => { if (dayDone) days.Add(day); }, TestContext.Current.CancellationToken);

        var liveEvents = await live.QueryAsync<EventRow>(EventsSql);
        Assert.Equal(
            ["opened", "opened", "opened", "opened", "updated", "closed", "closed", "reopened", "reopened", "updated"],
            liveEvents.Select(e => e.EventType));
        Assert.Equal(["confirmed_gone", "absent_twice"], liveEvents.Where(e => e.EventType == "closed").Select(e => e.ClosedReason));
        Assert.Equal(liveEvents, await replica.QueryAsync<EventRow>(EventsSql));

        var livePostings = await live.QueryAsync<PostingRow>(PostingsSql);
        var replayed = await replica.QueryAsync<PostingRow>(PostingsSql);
        Assert.Equal(livePostings.Select(p => p.Exact), replayed.Select(p => p.Exact));
        // Polls that found the payload unchanged left nothing in the archive: a replayed sighting is never later than the live one.
        Assert.All(livePostings.Zip(replayed), pair =>
        {
            Assert.InRange(pair.Second.LastSeenAt, pair.Second.FirstSeenAt, pair.First.LastSeenAt);
            Assert.InRange(pair.Second.LastCheckedAt, pair.Second.FirstSeenAt, pair.First.LastCheckedAt);
        });
        Assert.Contains(livePostings.Zip(replayed), pair => pair.Second.LastSeenAt < pair.First.LastSeenAt);

        // Eight of the twelve polls applied a payload (three found it unchanged, one failed); three left a poll record: the two that
        // asked job pages, and the one that applied bytes first seen earlier that day.
        Assert.Equal((8, 3), (summary.Polls, summary.PollRecords));
        Assert.Equal([new DateOnly(2026, 6, 6), SecondDay], days);
    }

    [Fact]
    public async Task ReplayingSinceADayStartsFromThatDaysPartitionAsIfTheBoardWereFirstSeenThen()
    {
        await using var live = await RecordAsync(servers, ArchiveKind.File);
        await using var replica = await ReplicaAsync(servers, live, ArchiveKind.File);

        var summary = await ReplayOf(replica).RunAsync(Fal, SecondDay, (_, _, _) => { }, TestContext.Current.CancellationToken);

        Assert.Equal((2, 4, 0, 1), (summary.Polls, summary.Opened, summary.Reopened, summary.Updated));
        var firstSeen = await replica.QueryAsync<DateTime>("select distinct first_seen_at from postings");
        Assert.Equal([(FirstPoll + TimeSpan.FromMinutes(40)).UtcDateTime], firstSeen);
    }

    [Fact]
    public async Task ReplayRefusesADatabaseThatAlreadyHoldsPolls()
    {
        await using var live = await RecordAsync(servers, ArchiveKind.File);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReplayOf(live).RunAsync(Fal, null, (_, _, _) => { }, TestContext.Current.CancellationToken));

        Assert.Contains("empty database", refused.Message);
    }

    [Fact]
    public async Task TheCommandStopsAtACorruptArchivedObjectNamingItAndKeepsWhatCameBefore()
    {
        await using var live = await RecordAsync(servers, ArchiveKind.File);
        await using var replica = await ReplicaAsync(servers, live, ArchiveKind.File);
        var keys = await live.Get<IRawArchive>().ListAsync(ArchiveKey.BoardPrefix("greenhouse", "fal"), TestContext.Current.CancellationToken);
        var corrupt = keys.Where(k => k.EndsWith(PayloadCompression.Extension, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ElementAt(1);
        var path = Path.Combine(live.Settings["Archive:Path"]!, corrupt);
        var stored = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        stored[^8] ^= 0xFF;
        await File.WriteAllBytesAsync(path, stored, TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await IngestorProcess.RunAsync(replica.Settings, "--replay", "--board", "fal");

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: archived object {corrupt} ", error);
        Assert.Contains("the replay stopped there after 1 polls", error);
        Assert.DoesNotContain("replay done", output);
        Assert.Equal(4, await replica.ScalarAsync<int>("select count(*)::int from job_events where event_type = 'opened'"));
        Assert.Equal(0, await replica.ScalarAsync<int>("select count(*)::int from job_events where event_type <> 'opened'"));
    }

    [Fact]
    public async Task TheCommandReplaysABoardAndReportsItsRate()
    {
        await using var live = await RecordAsync(servers, ArchiveKind.S3);
        await using var replica = await ReplicaAsync(servers, live, ArchiveKind.S3);

        var (exitCode, output, error) = await IngestorProcess.RunAsync(replica.Settings, "--replay", "--board", "fal");

        Assert.True(exitCode == 0, error);
        Assert.Contains("fal: replayed through 2026-06-06: 6 polls", output);
        Assert.Matches(@"fal: replay done: 8 polls \(3 with a poll record, 0 rejected\), \d+ postings read \| events: 4 opened, 2 updated, 2 reopened, 2 closed in [\d.]+ s \([\d.]+ payloads/s, \d+ postings/s\)", output);
        Assert.Equal(10, await replica.ScalarAsync<int>("select count(*)::int from job_events"));
    }

    [Theory]
    [InlineData("--replay", "--replay takes one --board")]
    [InlineData("--replay --board fal --board stripe", "--replay takes one --board")]
    [InlineData("--once --board fal --since 2026-06-07", "--since goes with --replay")]
    public async Task TheCommandRefusesAReplayNotOfExactlyOneBoard(string arguments, string refusal)
    {
        var (exitCode, _, error) = await IngestorProcess.RunAsync(new Dictionary<string, string?>(), arguments.Split(' '));

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: {refusal}", error);
    }
}
