using System.Net;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Npgsql;

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
        var database = new NpgsqlConnectionStringBuilder(ingestor.Settings["ConnectionStrings:Postgres"]).Database!;
        var cancel = TestContext.Current.CancellationToken;

        await using var worker = IngestorProcess.Start(settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Readiness.WaitUntilReadyAsync(http, worker);
        var metrics = await http.GetStringAsync("/metrics", cancel);
        await AcceptingConnectionsAsync(database, false);
        var whileRefused = await ProbesAsync(http, HttpStatusCode.ServiceUnavailable);
        await AcceptingConnectionsAsync(database, true);
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

    /// <summary>Lets the database take connections again, or refuses new ones and ends those it has, as an outage would.</summary>
    private async Task AcceptingConnectionsAsync(string database, bool accepting)
    {
        var admin = new NpgsqlConnectionStringBuilder(servers.Postgres.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            alter database "{database}" with allow_connections {accepting};
            select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '{database}' and not {accepting};
            """, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
