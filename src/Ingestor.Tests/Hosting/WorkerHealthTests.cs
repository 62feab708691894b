using System.Net;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Hosting;

/// <summary>The worker's <c>/healthz</c> probes on its metrics port, as Kubernetes calls them.</summary>
public sealed class WorkerHealthTests(TestServers servers)
{
    [Fact]
    public async Task TheWorkerStaysLiveAndIsReadyOnlyWhileItsDatabaseAnswers()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var port = LoopbackPort.Free();
        var settings = new Dictionary<string, string?>(ingestor.Settings) { ["Metrics:Port"] = port.ToString() };
        var database = ingestor.Settings["ConnectionStrings:Postgres"]!;
        var cancel = TestContext.Current.CancellationToken;

        await using var worker = IngestorProcess.Start(settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Readiness.WaitUntilReadyAsync(http, worker);
        var metrics = await http.GetStringAsync("/metrics", cancel);
        await DatabaseOutage.BeginAsync(servers, database);
        var whileRefused = await ProbesAsync(http, HttpStatusCode.ServiceUnavailable);
        await DatabaseOutage.EndAsync(servers, database);
        var afterwards = await ProbesAsync(http, HttpStatusCode.OK);
        worker.Terminate();

        Assert.Contains("# TYPE ", metrics);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, "Unhealthy"), whileRefused);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, "Healthy"), afterwards);
        Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"Serving metrics and health on :{port}", worker.Output);
    }

    /// <summary>Live and ready once ready has the status expected (the pool may take a moment to notice), and ready's body.</summary>
    private static async Task<(HttpStatusCode Live, HttpStatusCode Ready, string ReadyBody)> ProbesAsync(HttpClient http, HttpStatusCode expected)
    {
        var cancel = TestContext.Current.CancellationToken;
        HttpResponseMessage ready;
        var waited = TimeSpan.Zero;
        while (true)
        {
            ready = await http.GetAsync("/healthz/ready", cancel);
            if (ready.StatusCode == expected || waited > TimeSpan.FromSeconds(30))
                break;
            ready.Dispose();
            await Task.Delay(200, cancel);
            waited += TimeSpan.FromMilliseconds(200);
        }
        using (ready)
        using (var live = await http.GetAsync("/healthz/live", cancel))
            return (live.StatusCode, ready.StatusCode, await ready.Content.ReadAsStringAsync(cancel));
    }
}
