using System.Runtime.Versioning;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Hosting;

/// <summary>The embedded default database (Development, no connection string) when the process that runs it is killed.</summary>
public sealed class EmbeddedDatabaseCrashTests(TestServers servers)
{
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ARunKilledMidPollLeavesItsDatabaseRunningAndTheNextRunStopsItAndGoesOnWithTheDataKept()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var (folder, data, settings) = EmbeddedDefaults(ingestor);
        try
        {
            ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
            var first = await IngestorProcess.RunAsync(settings, "--once", "--board", "fal");
            Assert.True(first.ExitCode == 0, first.Error);

            var never = new TaskCompletionSource();
            ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { Hold = never.Task });
            await using (var killed = IngestorProcess.Start(settings, "--once", "--board", "fal"))
            {
                await AwaitPollAsync(ingestor, killed);
                await killed.KillAsync();
            }
            Assert.True(File.Exists(Path.Combine(data, "postmaster.pid")), "the killed run's PostgreSQL is still running");

            ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
            var next = await IngestorProcess.RunAsync(settings, "--once", "--board", "fal");

            Assert.True(next.ExitCode == 0, next.Error);
            Assert.Contains("stopped the PostgreSQL server an earlier run left running", next.Error);
            // What the first run recorded is still there: the same payload again changes nothing.
            Assert.Matches(@"fal: succeeded, [1-9]\d* jobs \(0 opened, 0 updated", next.Output);
            Assert.False(File.Exists(Path.Combine(data, "postmaster.pid")), "the run stops the server it started");
            never.SetResult();
        }
        finally
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
                await IngestorProcess.RunAsync(settings, "--boards"); // starts and cleanly stops whatever was left running
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ASecondRunWhileTheFirstStillRunsIsRefusedAndTakesNothingFromIt()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var (folder, data, settings) = EmbeddedDefaults(ingestor);
        try
        {
            var release = new TaskCompletionSource();
            ingestor.Greenhouse.Script("fal", Reply.Board("fal") with { Hold = release.Task });
            await using var running = IngestorProcess.Start(settings, "--once", "--board", "fal");
            await AwaitPollAsync(ingestor, running);

            var second = await IngestorProcess.RunAsync(settings, "--boards");

            Assert.Equal(1, second.ExitCode);
            Assert.Contains($"is in use by another running process (pid ", second.Error);
            release.SetResult();
            Assert.Equal(0, await running.WaitForExitAsync(TimeSpan.FromMinutes(1)));
            Assert.Matches(@"fal: succeeded, [1-9]\d* jobs \([1-9]\d* opened", running.Output);
            Assert.False(File.Exists(Path.Combine(data, "postmaster.pid")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [SupportedOSPlatform("linux")]
    private static (DirectoryInfo Folder, string Data, Dictionary<string, string?> Settings) EmbeddedDefaults(TestIngestor ingestor)
    {
        var folder = Directory.CreateTempSubdirectory("ingestor-embedded-");
        // Reachable by the postgres account when the tests run as root, so the data stays in the folder asked for.
        File.SetUnixFileMode(folder.FullName, (UnixFileMode)0b111_101_101);
        var data = Path.Combine(folder.FullName, "postgres");
        var settings = ingestor.Settings.Where(setting => setting.Key != "ConnectionStrings:Postgres").ToDictionary();
        settings["DOTNET_ENVIRONMENT"] = "Development";
        settings["LocalPostgres:Directory"] = data;
        return (folder, data, settings);
    }

    private static async Task AwaitPollAsync(TestIngestor ingestor, IngestorProcess process)
    {
        for (var waited = 0; ingestor.Greenhouse.Requests("fal") == 0 && waited < 600; waited++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(ingestor.Greenhouse.Requests("fal") == 1, process.Error);
    }
}
