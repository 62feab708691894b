using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Ingestor.Polling;
using Ingestor.Providers;
using Ingestor.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ingestor.Benchmarks;

/// <summary>
/// The read API (<c>--serve</c>, published ReadyToRun, its own process) over the stripe board (547 postings) as the pipeline
/// stored it: requests per second for a record, a record revalidated with its ETag, and keyset walks of the whole board,
/// from this process with several clients at once. Client and server share the machine's cores.
/// </summary>
internal static class ServingBenchmark
{
    private const int Clients = 16;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(byte[] stripe, string work, string serviceAssembly)
    {
        var boards = Path.Combine(work, "boards");
        Directory.CreateDirectory(Path.Combine(boards, "v1", "boards", "stripe"));
        File.WriteAllBytes(Path.Combine(boards, "v1", "boards", "stripe", "jobs.json"), stripe);
        await using var postgres = await LocalPostgres.StartAsync(Path.Combine(work, "postgres"), durable: true);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
            ["Greenhouse:BaseUrl"] = new Uri(boards + "/").AbsoluteUri,
            ["Archive:Kind"] = "file",
            ["Archive:Path"] = Path.Combine(work, "archive"),
            ["Metrics:Port"] = "0",
        };
        await IngestAsync(settings);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var jobIds = (await database.CreateConnection().QueryAsync<string>("select job_id from postings order by job_id")).ToArray();

        var address = $"http://127.0.0.1:{LoopbackPort.Free()}";
        // Disposing a Process object leaves the process running: the server is stopped here, or it outlives the benchmark.
        using var server = StartServer(serviceAssembly, settings, address);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = new Uri(address) };
            await WaitUntilReadyAsync(http, server);

            Console.WriteLine();
            Console.WriteLine($"read API over stripe ({jobIds.Length} postings), {Clients} clients, {Measured.TotalSeconds:0} s each, {Environment.ProcessorCount} cores shared with the clients");
            Console.WriteLine($"{"request",-52} {"requests/s",11} {"p50 ms",8} {"p99 ms",8} {"server CPU s",13}");
            await MeasureAsync(server, "GET /jobs/{id}", http, (client, i) => RecordAsync(client, jobIds[i % jobIds.Length], etag: null));
            var etags = await Task.WhenAll(jobIds.Select(async id => (await http.GetAsync($"/job-postings/v1/jobs/{id}")).Headers.ETag!.Tag));
            await MeasureAsync(server, "GET /jobs/{id}, If-None-Match (304)", http, (client, i) => RecordAsync(client, jobIds[i % jobIds.Length], etags[i % jobIds.Length]));
            await MeasureAsync(server, "GET /jobs/{id}?include=description", http, (client, i) => GetAsync(client, $"/job-postings/v1/jobs/{jobIds[i % jobIds.Length]}?include=description"));
            foreach (var limit in new[] { 50, 500 })
            {
                var pages = await WalkAsync(http, limit);
                Console.WriteLine($"  a walk of limit={limit} takes {pages} requests and returns every posting once");
                await MeasureAsync(server, $"GET /jobs?limit={limit} (walks, following next_cursor)", http, (client, _) => WalkAsync(client, limit));
            }
            await MeasureAsync(server, "GET /jobs/facets", http, (client, _) => GetAsync(client, "/job-postings/v1/jobs/facets"));
            await MeasureAsync(server, "GET /events?limit=500 (the whole feed, followed)", http, (client, _) => FollowFeedAsync(client));
            await MeasureAsync(server, "GET /jobs/{id} as the HTML record page", http, (client, i) => GetAsync(client, $"/jobs/{jobIds[i % jobIds.Length]}"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task IngestAsync(Dictionary<string, string?> settings)
    {
        var builder = Program.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        using var host = builder.Build();
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        var board = await host.Services.GetRequiredService<Boards>().RegisterAsync(new BoardName("greenhouse", "stripe"), CancellationToken.None);
        var poll = await host.Services.GetRequiredService<BoardPoller>().PollAsync(board, CancellationToken.None);
        if (poll.Outcome != PollOutcome.Succeeded)
            throw new InvalidOperationException($"stripe: {poll.Outcome}: {poll.Error}");
    }

    private static Process StartServer(string serviceAssembly, Dictionary<string, string?> settings, string address)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in new[] { serviceAssembly, "--serve", "--urls", address })
            start.ArgumentList.Add(argument);
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The per-client rate limit would measure 429s: every benchmark client shares one address.
        start.Environment["ReadApi__RateLimit__PermitsPerSecond"] = "0";
        foreach (var (name, value) in settings)
            start.Environment[name.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process server)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (server.HasExited)
                throw new InvalidOperationException($"--serve exited {server.ExitCode}");
            try
            {
                if ((await http.GetAsync("/healthz/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("--serve did not become ready in 30 s");
    }

    /// <summary>Every client repeats <paramref name="request"/> (which returns how many requests it made) for the measured time.</summary>
    private static async Task MeasureAsync(Process server, string label, HttpClient http, Func<HttpClient, int, Task<int>> request)
    {
        await RunClientsAsync(http, request, Warmup, latencies: null);
        var latencies = new List<double>[Clients];
        var cpuBefore = server.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var requests = await RunClientsAsync(http, request, Measured, latencies);
        var elapsed = clock.Elapsed;
        server.Refresh();
        var cpu = server.TotalProcessorTime - cpuBefore;
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"{label,-52} {requests / elapsed.TotalSeconds,11:0} {sorted[sorted.Length / 2],8:0.0} {sorted[sorted.Length * 99 / 100],8:0.0} {cpu.TotalSeconds,13:0.0}");
    }

    private static async Task<int> RunClientsAsync(HttpClient http, Func<HttpClient, int, Task<int>> request, TimeSpan duration, List<double>[]? latencies)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var mine = new List<double>();
            if (latencies is not null)
                latencies[client] = mine;
            var made = 0;
            for (var i = client; Stopwatch.GetTimestamp() < until; i += Clients)
            {
                var start = Stopwatch.GetTimestamp();
                var count = await request(http, i);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / count);
                made += count;
            }
            return made;
        }));
        return counts.Sum();
    }

    private static async Task<int> RecordAsync(HttpClient http, string jobId, string? etag)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"/job-postings/v1/jobs/{jobId}");
        if (etag is not null)
            message.Headers.IfNoneMatch.ParseAdd(etag);
        using var response = await http.SendAsync(message);
        var expected = etag is null ? HttpStatusCode.OK : HttpStatusCode.NotModified;
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{message.RequestUri}: {(int)response.StatusCode}, expected {(int)expected}");
        await response.Content.ReadAsByteArrayAsync();
        return 1;
    }

    private static async Task<int> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return 1;
    }

    /// <summary>Every event from the start of the feed until a page comes back empty; returns the pages it took.</summary>
    private static async Task<int> FollowFeedAsync(HttpClient http)
    {
        var pages = 1;
        for (var page = JsonNode.Parse(await http.GetStringAsync("/job-postings/v1/events?limit=500"))!;
             page["data"]!.AsArray().Count > 0;
             pages++)
            page = JsonNode.Parse(await http.GetStringAsync($"/job-postings/v1/events?limit=500&cursor={(string?)page["next_cursor"]}"))!;
        return pages;
    }

    /// <summary>The whole board, page by page; returns the pages it took.</summary>
    private static async Task<int> WalkAsync(HttpClient http, int limit)
    {
        var pages = 0;
        var seen = 0;
        for (string? cursor = null; ; pages++)
        {
            var page = JsonNode.Parse(await http.GetStringAsync($"/job-postings/v1/jobs?limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}")))!;
            seen += page["data"]!.AsArray().Count;
            cursor = (string?)page["next_cursor"];
            if (cursor is null)
                return seen == 547 ? pages + 1 : throw new InvalidOperationException($"a walk returned {seen} postings, not 547");
        }
    }
}
