using Ingestor.Tests.Infrastructure;
using static Ingestor.Tests.Infrastructure.InterruptedPoll;

namespace Ingestor.Tests.Hosting;

/// <summary>The database connection of a poll ended while the poll is inside its transaction, the worker itself alive.</summary>
public sealed class ConnectionLossTests(TestServers servers)
{
    private sealed record Poll(string Outcome, string? Error, int Opened, int Updated);

    [Fact]
    public async Task AConnectionEndedMidTransactionAppliesNothingIsRecordedAsAFailedPollAndTheWorkerGoesOn()
    {
        await using var ingestor = await FalIngestedThenChangedAsync(servers);
        var before = await LedgerAsync(ingestor);
        await using var worker = IngestorProcess.Start(WorkerSettings(ingestor, TimeSpan.FromMinutes(1)));
        const string polls = "select outcome, error, opened, updated from polls order by started_at offset 1";

        Ledger afterLoss;
        await using (var hold = await HeldPollTransaction.BeginAsync(ingestor.Settings["ConnectionStrings:Postgres"]!))
        {
            var waiter = await hold.WaitForPollAsync(() => worker.Output + worker.Error);
            Assert.True(waiter.WroteRows, "the poll had written its posting rows when its connection ended");
            Assert.True(await ingestor.ScalarAsync<bool>("select pg_terminate_backend(@Pid)", new { waiter.Pid }));
            await UntilAsync(async () => (await ingestor.QueryAsync<Poll>(polls)).Count == 1, () => worker.Output + worker.Error);
            afterLoss = await LedgerAsync(ingestor);
        }
        var failed = (await ingestor.QueryAsync<Poll>(polls)).Single();
        await DueNowAsync(ingestor);
        await UntilAsync(async () => (await ingestor.QueryAsync<Poll>(polls)).Count == 2, () => worker.Output + worker.Error);
        var running = !worker.HasExited;
        worker.Terminate();

        Assert.Equal("failed", failed.Outcome);
        Assert.Contains("terminating connection due to administrator command", failed.Error);
        AssertSame(before, afterLoss);
        Assert.True(running, worker.Error);
        Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        var next = (await ingestor.QueryAsync<Poll>(polls))[1];
        Assert.Equal(("succeeded", 1, 1), (next.Outcome, next.Opened, next.Updated));
        var after = await LedgerAsync(ingestor);
        Assert.Equal(before.Events.Count + 2, after.Events.Count);
        Assert.Equal(before.Postings.Count + 1, after.Postings.Count);
        Assert.Empty(await UnsoundArchiveReferencesAsync(ingestor, servers.S3));
    }
}
