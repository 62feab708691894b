using Ingestor.Tests.Infrastructure;
using static Ingestor.Tests.Infrastructure.InterruptedPoll;

namespace Ingestor.Tests.Hosting;

/// <summary>
/// A worker process killed outright (<c>kill -9</c>) while its poll writes the archive and while it is inside its database
/// transaction: nothing is lost or applied twice, nothing references a half-written object, and the board is polled again
/// when the claim's lease ends.
/// </summary>
public sealed class CrashDuringPollTests(TestServers servers)
{
    // Longer than a worker takes from its claim to the point a test holds it at, even on a loaded machine.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    private sealed record Claim(string? ClaimedBy, DateTime? ClaimedUntil);

    [Fact]
    public async Task AWorkerKilledDuringItsArchiveWriteLosesNothingReferencesNoHalfWrittenObjectAndItsBoardIsPolledAgainWithinTheLease()
    {
        await using var ingestor = await FalIngestedThenChangedAsync(servers);
        await using var proxy = new StallingProxy(servers.S3.ServiceUrl);
        var settings = WorkerSettings(ingestor, Lease, proxy.Address);
        var before = await LedgerAsync(ingestor);

        string heldUpload;
        Claim held;
        await using (var killed = IngestorProcess.Start(settings))
        {
            heldUpload = await proxy.UploadHeld.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            held = await ClaimAsync(ingestor);
            await killed.KillAsync();
        }
        await proxy.HeldUploadDropped.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var afterKill = await LedgerAsync(ingestor);
        var pollsAfterKill = await ingestor.ScalarAsync<int>("select count(*)::int from polls");
        var indexedAfterKill = await ingestor.ScalarAsync<int>("select count(*)::int from archived_payloads");

        proxy.Stalling = false;
        await using var next = IngestorProcess.Start(settings);
        var (first, second) = await TwoPollsAfterAsync(ingestor, next, pollsAfterKill);

        Assert.StartsWith($"PUT /{ingestor.Bucket}/raw/provider=greenhouse/board=fal/", Uri.UnescapeDataString(heldUpload));
        AssertSame(before, afterKill);
        Assert.Equal(1, pollsAfterKill);
        Assert.Equal(1, indexedAfterKill);
        await AssertAppliedOnceAsync(ingestor, before, held, first, second);
    }

    [Fact]
    public async Task AWorkerKilledInsideItsDatabaseTransactionLosesNothingAndItsBoardIsPolledAgainWithinTheLease()
    {
        await using var ingestor = await FalIngestedThenChangedAsync(servers);
        var settings = WorkerSettings(ingestor, Lease);
        var before = await LedgerAsync(ingestor);

        HeldPollTransaction.Waiter waiter;
        Claim held;
        await using (var hold = await HeldPollTransaction.BeginAsync(ingestor.Settings["ConnectionStrings:Postgres"]!))
        {
            await using (var killed = IngestorProcess.Start(settings))
            {
                waiter = await hold.WaitForPollAsync(() => killed.Output + killed.Error);
                held = await ClaimAsync(ingestor);
                await killed.KillAsync();
            }
            await hold.ReleaseAsync();
            // The dead worker's backend notices when it next writes to its socket; until then it holds the board's row lock.
            await UntilAsync(
                async () => !await ingestor.ScalarAsync<bool>("select exists (select from pg_stat_activity where pid = @Pid)", new { waiter.Pid }),
                () => $"backend {waiter.Pid} is still there");
        }
        var afterKill = await LedgerAsync(ingestor);
        var pollsAfterKill = await ingestor.ScalarAsync<int>("select count(*)::int from polls");

        await using var next = IngestorProcess.Start(settings);
        var (first, second) = await TwoPollsAfterAsync(ingestor, next, pollsAfterKill);

        Assert.Equal(("active", "Lock", true, true), (waiter.State, waiter.WaitEventType, waiter.InTransaction, waiter.WroteRows));
        AssertSame(before, afterKill);
        Assert.Equal(1, pollsAfterKill);
        await AssertAppliedOnceAsync(ingestor, before, held, first, second);
    }

    private sealed record Poll(Guid PollId, string Outcome, DateTime StartedAt, int Opened, int Updated, int Closed, int Reopened);

    private static async Task<Claim> ClaimAsync(TestIngestor ingestor) =>
        (await ingestor.QueryAsync<Claim>("select claimed_by, claimed_until from boards where board_token = 'fal'")).Single();

    /// <summary>
    /// The next worker's first two polls of the board: the one that takes it over and applies the change, and one asked for
    /// right after it, which finds the change applied.
    /// </summary>
    private static async Task<(Poll First, Poll Second)> TwoPollsAfterAsync(TestIngestor ingestor, IngestorProcess worker, int pollsBefore)
    {
        const string count = "select count(*)::int from polls";
        await UntilAsync(async () => await ingestor.ScalarAsync<int>(count) > pollsBefore, () => worker.Output + worker.Error);
        await DueNowAsync(ingestor);
        await UntilAsync(async () => await ingestor.ScalarAsync<int>(count) > pollsBefore + 1, () => worker.Output + worker.Error);
        worker.Terminate();
        Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        var polls = await ingestor.QueryAsync<Poll>(
            "select poll_id, outcome, started_at, opened, updated, closed, reopened from polls order by started_at offset @Skip", new { Skip = pollsBefore });
        return (polls[0], polls[1]);
    }

    private async Task AssertAppliedOnceAsync(TestIngestor ingestor, Ledger before, Claim held, Poll first, Poll second)
    {
        // Taken over when the dead worker's lease ended, not a poll interval after its claim.
        Assert.NotNull(held.ClaimedBy);
        Assert.InRange(first.StartedAt, held.ClaimedUntil!.Value, held.ClaimedUntil.Value.AddSeconds(30));
        Assert.Equal(("succeeded", 1, 1), (first.Outcome, first.Opened, first.Updated));
        Assert.Equal(0, second.Opened + second.Updated + second.Closed + second.Reopened);

        var after = await LedgerAsync(ingestor);
        Assert.Equal(before.Events, after.Events.Take(before.Events.Count));
        Assert.Equal(
            [(RetitledJob.ToString(), "updated"), (AddedJob.ToString(), "opened")],
            await ingestor.QueryAsync<(string, string)>(
                "select p.provider_job_key, e.event_type from job_events e join postings p using (job_id) where e.poll_id = @PollId order by 1",
                new { first.PollId }));
        Assert.Equal(before.Events.Count + 2, after.Events.Count);
        Assert.Equal(before.Postings.Count + 1, after.Postings.Count);
        Assert.Equal(after.Postings.Count, after.Postings.Select(p => p.ProviderJobKey).Distinct().Count());
        Assert.Equal(after.Events.Count, after.Events.Select(e => (e.JobId, e.PollId)).Distinct().Count());
        Assert.Empty(await UnsoundArchiveReferencesAsync(ingestor, servers.S3));
    }
}
