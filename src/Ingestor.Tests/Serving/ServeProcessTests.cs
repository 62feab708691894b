using System.Text.Json.Nodes;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>The built binary run with <c>--serve</c>, as the second deployment runs it.</summary>
public sealed class ServeProcessTests(TestServers servers)
{
    [Fact]
    public async Task ServeAnswersWhereUrlsSaysPollsNothingAndStopsCleanly()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await ingestor.ScalarAsync<int>("update boards set next_poll_at = now() - interval '1 hour' returning 1");
        var address = $"http://127.0.0.1:{LoopbackPort.Free()}";
        // Settings under which the worker would poll fal within a second.
        var settings = new Dictionary<string, string?>(ingestor.Settings) { ["Polling:Boards:0"] = "fal", ["Scheduling:SweepInterval"] = "00:00:01" };

        await using var service = IngestorProcess.Start(settings, "--serve", "--urls", address);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        await Readiness.WaitUntilReadyAsync(http, service);
        var record = JsonNode.Parse(await http.GetStringAsync("/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d37", TestContext.Current.CancellationToken))!;
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        service.Terminate();

        Assert.Equal("Senior Software Engineer, Backend", (string?)record["title"]);
        Assert.Equal(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"Serving the read API on {address}", service.Output);
        Assert.Equal(1, await ingestor.ScalarAsync<int>("select count(*) from polls"));
        Assert.Equal(1, ingestor.Greenhouse.Requests("fal"));
    }

    [Fact]
    public async Task ServeRefusesTheSettingsTheWorkerRefusesNamingThem()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var settings = new Dictionary<string, string?>(ingestor.Settings) { ["Archive:Bucket"] = "" };

        var (exitCode, _, error) = await IngestorProcess.RunAsync(settings, "--serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}");

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration error: Archive:Bucket (env Archive__Bucket) is required when Archive:Kind is s3", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task UrlsWithoutServeIsAUsageError()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);

        var (exitCode, _, error) = await IngestorProcess.RunAsync(ingestor.Settings, "--once", "--urls", "http://127.0.0.1:1");

        Assert.Equal(2, exitCode);
        Assert.Contains("--urls goes with --serve", error);
    }
}
