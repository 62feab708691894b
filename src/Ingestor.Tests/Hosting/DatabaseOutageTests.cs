using System.Text.RegularExpressions;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Hosting;

/// <summary>The worker while its database fails over: it keeps running, does not spin, and its schedule resumes by itself.</summary>
public sealed class DatabaseOutageTests(TestServers servers)
{
    [Fact]
    public async Task AWorkerOutlivesADatabaseOutageWithoutSpinningAndAppliesTheBoardsChangeOnceItIsBack()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var database = ingestor.Settings["ConnectionStrings:Postgres"]!;
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.RegisterAsync("fal");
        await ingestor.ScalarAsync<int>("update boards set poll_interval = interval '2 seconds' returning 1");
        var settings = new Dictionary<string, string?>(ingestor.Settings) { ["Scheduling:SweepInterval"] = "00:00:01" };

        await using var worker = IngestorProcess.Start(settings);
        await WaitForAsync(() => ingestor.ScalarAsync<bool>("select exists (select from polls where outcome = 'succeeded')"));
        var outage = TimeSpan.FromSeconds(8);
        await DatabaseOutage.BeginAsync(servers, database);
        ingestor.Greenhouse.Script("fal", BoardPayload.Of("fal").Without(4012000002).Reply());
        await Task.Delay(outage, cancel);
        var runningThroughout = !worker.HasExited;
        await DatabaseOutage.EndAsync(servers, database);
        ingestor.Database.Clear(); // the test's own pooled connections were ended too
        await WaitForAsync(() => ingestor.ScalarAsync<bool>("select exists (select from polls where closed = 1)"));
        worker.Terminate();

        Assert.True(runningThroughout, worker.Error);
        Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(
            [("closed", 1), ("opened", 3)],
            await ingestor.QueryAsync<(string, int)>("select event_type, count(*)::int from job_events group by event_type order by event_type"));
        Assert.Equal(1, await ingestor.ScalarAsync<int>("select count(*) from postings where status = 'inactive'"));
        // One failed claim a sweep interval at most, and a few for the polls cut off mid-way: no retry loop.
        var failedClaims = Regex.Matches(worker.Output, "Claiming due boards failed").Count;
        Assert.InRange(failedClaims, 1, (int)outage.TotalSeconds + 4);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; waited < 600 && !await condition(); waited++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(await condition(), "timed out");
    }
}
