using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Hosting;

/// <summary>The service's <c>/metrics</c>, scraped as Prometheus would.</summary>
public sealed class MetricsEndpointTests(TestServers servers)
{
    [Fact]
    public async Task TheFirstSweepAfterAStartIsCountedAndFreshnessIsServed()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        var port = LoopbackPort.Free();
        var settings = new Dictionary<string, string?>(ingestor.Settings)
        {
            ["Metrics:Port"] = port.ToString(),
            ["Polling:Boards:0"] = "fal",
            ["Scheduling:SweepInterval"] = "00:00:01",
        };

        await using var service = IngestorProcess.Start(settings);
        using var http = new HttpClient();
        var expected = new[]
        {
            "ingestor_polls{outcome=\"succeeded\",payload=\"changed\"} 1",
            "ingestor_poll_start_lag_count 1",
            "ingestor_board_success_age{quantile=\"0.99\"}",
            "ingestor_boards{state=\"enabled\"} 1",
            "ingestor_boards{state=\"failing\"} 0",
        };
        var metrics = "";
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60) && !expected.All(metrics.Contains); waited += TimeSpan.FromMilliseconds(500))
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            if (await ingestor.ScalarAsync<int>("select count(*) from polls") == 0)
                continue;
            try
            {
                metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics", TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }
        service.Terminate();

        Assert.All(expected, line => Assert.Contains(line, metrics));
        Assert.Equal(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
