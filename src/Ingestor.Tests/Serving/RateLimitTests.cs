using System.Net;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>Each client's token bucket: its key when it sent a valid one, else its IP address.</summary>
public sealed class RateLimitTests(TestServers servers)
{
    private const string UnknownOrg = "/job-postings/v1/orgs/144222fa-e13c-4bb3-be7f-89ec0ca39bac";

    // A burst of three, then one request every 1,000 seconds: nothing is refilled while a test runs.
    private static Dictionary<string, string?> Budget(IReadOnlyDictionary<string, string?> settings) => new(settings)
    {
        ["ReadApi:RateLimit:PermitsPerSecond"] = "0.001",
        ["ReadApi:RateLimit:Burst"] = "3",
    };

    [Fact]
    public async Task PastItsBurstAClientIsAnswered429WithRetryAfterWhileProbesStayOpen()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(Budget(ingestor.Settings));

        var within = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await ApiKeys.GetAsync(api.Client, UnknownOrg);
            within.Add(response.StatusCode);
        }
        using var beyond = await ApiKeys.GetAsync(api.Client, UnknownOrg);
        var probes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            foreach (var probe in new[] { "/healthz/live", "/healthz/ready" })
            {
                using var response = await ApiKeys.GetAsync(api.Client, probe);
                probes.Add(response.StatusCode);
            }

        Assert.All(within, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ApiKeys.RefusalAsync(beyond)).Status);
        Assert.InRange(beyond.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(900), TimeSpan.FromSeconds(1000));
        Assert.All(probes, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task EachKeyHasABudgetOfItsOwn()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ApiKeys.Requiring(Budget(ingestor.Settings), "first client", "second client"));

        for (var i = 0; i < 3; i++)
            (await ApiKeys.GetAsync(api.Client, UnknownOrg, "first client")).Dispose();
        using var firstSpent = await ApiKeys.GetAsync(api.Client, UnknownOrg, "first client");
        using var second = await ApiKeys.GetAsync(api.Client, UnknownOrg, "second client");

        Assert.Equal(HttpStatusCode.TooManyRequests, firstSpent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }
}
