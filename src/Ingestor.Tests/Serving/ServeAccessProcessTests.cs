using System.Net;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>Keys and the rate limit in the built binary run with <c>--serve</c>: its settings checked at start, its own logs.</summary>
public sealed class ServeAccessProcessTests(TestServers servers)
{
    [Fact]
    public async Task ServeRefusesAKeyThatIsNoHashAndAnImpossibleRateNamingThem()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var settings = new Dictionary<string, string?>(ingestor.Settings)
        {
            ["ReadApi:ApiKeys:0"] = ApiKeys.Hash("fine"),
            ["ReadApi:ApiKeys:1"] = "the-key-itself",
            ["ReadApi:RateLimit:PermitsPerSecond"] = "-1",
            ["ReadApi:RateLimit:Burst"] = "0",
        };

        var (exitCode, _, error) = await IngestorProcess.RunAsync(settings, "--serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}");

        Assert.Equal(2, exitCode);
        Assert.Contains("configuration error: ReadApi:ApiKeys:1 (env ReadApi__ApiKeys__1) must be a key's SHA-256 hash as 64 hexadecimal digits", error);
        Assert.Contains("configuration error: ReadApi:RateLimit:PermitsPerSecond (env ReadApi__RateLimit__PermitsPerSecond) must be 0 (no limit) or between", error);
        Assert.Contains("configuration error: ReadApi:RateLimit:Burst (env ReadApi__RateLimit__Burst) must be between 1 and", error);
        Assert.DoesNotContain("ApiKeys:0", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task NoKeyReachesTheLogsEvenAtDebugLevel()
    {
        const string key = "ingestor-process-key-c41d5e", wrongKey = "ingestor-process-key-guessed";
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var address = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var settings = ApiKeys.Requiring(ingestor.Settings, key);
        settings["Logging:LogLevel:Default"] = "Debug";
        settings["Logging:LogLevel:Microsoft"] = "Debug";

        await using var service = IngestorProcess.Start(settings, "--serve", "--urls", address);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        await Readiness.WaitUntilReadyAsync(http, service);
        using var right = await ApiKeys.GetAsync(http, "/job-postings/v1/orgs/144222fa-e13c-4bb3-be7f-89ec0ca39bac", key);
        using var wrong = await ApiKeys.GetAsync(http, "/job-postings/v1/orgs/144222fa-e13c-4bb3-be7f-89ec0ca39bac", wrongKey);
        service.Terminate();
        await service.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Unauthorized), (right.StatusCode, wrong.StatusCode));
        var logs = service.Output + service.Error;
        // The attempts were logged, with the scheme's words and nothing of the keys.
        Assert.Contains("ApiKey was successfully authenticated", logs);
        Assert.Contains("ApiKey was not authenticated", logs);
        Assert.DoesNotContain(key, logs);
        Assert.DoesNotContain(wrongKey, logs);
        Assert.DoesNotContain(ApiKeys.Hash(wrongKey), logs);
    }
}
