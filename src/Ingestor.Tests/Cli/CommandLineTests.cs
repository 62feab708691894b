using System.Text.Json.Nodes;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Cli;

/// <summary>The built service run as a process from another working directory: exit codes, report lines, the schedule.</summary>
public sealed class CommandLineTests(TestServers servers)
{
    private const string FalJobId = "5d7bb08593f65e24f2b9df8aacb01cb3c3976d37";

    private static Dictionary<string, string?> With(TestIngestor ingestor, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(ingestor.Settings);
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task OnceReportsEveryBoardAndExitsNonZeroWhenOneFails()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        ingestor.Greenhouse.Script("gone", Reply.Error(404, """{"status":404,"error":"Job not found"}"""));

        var (exitCode, output, _) = await IngestorProcess.RunAsync(ingestor.Settings, "--once", "--board", "fal", "--board", "gone", "--board", "../etc/passwd");

        Assert.Equal(1, exitCode);
        Assert.Contains("fal: succeeded, 3 jobs (3 opened, 0 updated, 0 reopened, 0 closed, 0 unchanged)", output);
        Assert.Contains("gone: failed: board 'gone' does not exist on Greenhouse (HTTP 404)", output);
        Assert.Contains("../etc/passwd: failed: '../etc/passwd' is not a board token", output);
        Assert.Contains("boards: 3 polled, 1 ok, 2 failed | postings: 3 active, 0 inactive", output);
        Assert.Equal(0, ingestor.Greenhouse.Requests("../etc/passwd"));
        Assert.Equal(2, await ingestor.ScalarAsync<int>("select count(*) from boards"));
    }

    [Fact]
    public async Task OnceExitsZeroWhenEveryBoardSucceededAndShowPrintsTheRecordWithItsHistory()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var board = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", board.Reply(), board.Copy().Edit(4009193009, job => job["title"] = "Staff Software Engineer, Backend").Reply());

        Assert.Equal(0, (await IngestorProcess.RunAsync(ingestor.Settings, "--once", "--board", "fal")).ExitCode);
        Assert.Equal(0, (await IngestorProcess.RunAsync(ingestor.Settings, "--once", "--board", "fal")).ExitCode);
        var (exitCode, output, _) = await IngestorProcess.RunAsync(ingestor.Settings, "--show", FalJobId);

        Assert.Equal(0, exitCode);
        var record = JsonNode.Parse(output)!;
        Assert.Equal("Staff Software Engineer, Backend", (string?)record["posting"]!["title"]);
        Assert.Equal(["opened", "updated"], record["events"]!.AsArray().Select(e => (string?)e!["event_type"]));
        Assert.Equal(["title"], record["events"]![1]!["changed_fields"]!.AsArray().Select(f => (string?)f));
        Assert.All(record["events"]!.AsArray(), e => Assert.DoesNotContain("txid", e!.AsObject().Select(field => field.Key)));
    }

    [Fact]
    public async Task ShowOfAnUnknownPostingSaysSo()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);

        var (exitCode, _, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--show", "0000000000000000000000000000000000000000");

        Assert.Equal(1, exitCode);
        Assert.Contains("no posting has job_id '0000000000000000000000000000000000000000'", error);
    }

    [Fact]
    public async Task AMissingSettingStopsTheStartNamingIt()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);

        var (exitCode, _, error) = await IngestorProcess.RunAsync(With(ingestor, ("Archive:Bucket", "")), "--once");

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration error: Archive:Bucket (env Archive__Bucket) is required when Archive:Kind is s3", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task TheServicePollsConfiguredBoardsOnScheduleAndStopsCleanly()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));

        await using var service = IngestorProcess.Start(With(ingestor, ("Polling:Boards:0", "fal"), ("Scheduling:SweepInterval", "00:00:01")));
        await WaitForAsync(async () => await ingestor.ScalarAsync<int>("select count(*) from polls") >= 1, service);
        service.Terminate();

        Assert.Equal(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from postings"));
        Assert.True(await ingestor.ScalarAsync<DateTime>("select next_poll_at from boards") > DateTime.UtcNow.AddMinutes(8));
    }

    [Fact]
    public async Task TwoClusteredReplicasPollADueBoardOnlyOnce()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var settings = With(ingestor, ("Polling:Boards:0", "fal"), ("Scheduling:Clustered", "true"), ("Scheduling:SweepInterval", "00:00:01"));

        await using var first = IngestorProcess.Start(settings);
        await using var second = IngestorProcess.Start(settings);
        await WaitForAsync(async () => await ingestor.ScalarAsync<int>("select count(*) from qrtz_scheduler_state") == 2, first, second);
        await WaitForAsync(async () => await ingestor.ScalarAsync<int>("select count(*) from polls") >= 1, first, second);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        first.Terminate();
        second.Terminate();

        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await ingestor.ScalarAsync<int>("select count(*) from polls"));
        Assert.Equal(1, ingestor.Greenhouse.Requests("fal"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, params IngestorProcess[] processes)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(250))
        {
            if (await condition())
                return;
            await Task.Delay(250);
        }
        Assert.Fail($"timed out; the service said:\n{string.Join("\n", processes.Select(p => p.Output + p.Error))}");
    }
}
