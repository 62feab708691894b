using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Ingestor.Benchmarks.Farm;

/// <summary>
/// The built service running as it runs in production (<c>dotnet Ingestor.dll</c>, no flags: the scheduler polls due boards),
/// so that every sweep after the first runs warm, as sweeps do in a service that polls every 10 minutes. A sweep makes every
/// board due and lasts until each has a poll recorded.
/// </summary>
internal sealed class ServiceRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly NpgsqlDataSource _database;
    private readonly List<string> _errors = [];

    private ServiceRun(Process process, NpgsqlDataSource database) => (_process, _database) = (process, database);

    /// <summary>Starts the service with nothing due, so that no poll starts before the first sweep is asked for.</summary>
    public static async Task<ServiceRun> StartAsync(string serviceAssembly, IReadOnlyDictionary<string, string> environment, NpgsqlDataSource database)
    {
        await using (var connection = await database.OpenConnectionAsync())
            await connection.ExecuteAsync("update boards set next_poll_at = now() + interval '1 day'");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(serviceAssembly);
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        // Look for due boards every second, so that a sweep starts within a second of being asked for.
        start.Environment["Scheduling__SweepInterval"] = "00:00:01";

        var run = new ServiceRun(Process.Start(start)!, database);
        run._process.OutputDataReceived += (_, _) => { };
        run._process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (run._errors) run._errors.Add(line.Data); };
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return run;
    }

    /// <summary>
    /// Makes every board due a few seconds from now and returns when. In production time alone makes a board due; the write
    /// that does it here comes before the sweep's counters are read, so the sweep's WAL and statements are the service's own.
    /// </summary>
    public async Task<DateTime> MakeDueSoonAsync()
    {
        await using var connection = await _database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<DateTime>(
            "with due as (update boards set next_poll_at = now() + interval '5 seconds' returning next_poll_at) select min(next_poll_at) from due");
    }

    /// <summary>Waits for the boards to come due (<see cref="MakeDueSoonAsync"/>) and times the sweep from then until each has a poll recorded.</summary>
    public async Task<ProductRun.Result> SweepAsync(int boards, DateTime dueAt)
    {
        var pid = _process.Id;
        await using var connection = await _database.OpenConnectionAsync();
        var untilDue = dueAt - await connection.QuerySingleAsync<DateTime>($"select {DatabaseCounters.NotCounted} now()");
        if (untilDue <= TimeSpan.Zero)
            throw new InvalidOperationException("the boards came due before the sweep's counters were read");
        await Task.Delay(untilDue);
        ProcessStats.ResetPeakRss(pid);
        var cpuBefore = ProcessStats.Cpu(pid);
        var clock = Stopwatch.StartNew();

        long peak = 0;
        // Counting the sweep's polls scans every sweep's polls: 4 ms by the mix's fourth sweep (24,000 polls, EXPLAIN ANALYZE),
        // so asked every 20 ms it took a sixth of a core from the sweep it timed. Asked every 200 ms, a sweep is timed at most
        // that much longer than it took.
        while (await connection.QuerySingleAsync<int>(
                   $"select {DatabaseCounters.NotCounted} count(*)::int from polls where started_at >= @dueAt", new { dueAt }) < boards)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited {_process.ExitCode}:\n{string.Join('\n', _errors.TakeLast(20))}");
            peak = Math.Max(peak, ProcessStats.PeakRss(pid));
            await Task.Delay(200);
        }
        var elapsed = clock.Elapsed;
        peak = Math.Max(peak, ProcessStats.PeakRss(pid));
        var failures = (await connection.QueryAsync<string>(
            """
            select b.board_token || ': failed: ' || p.error from polls p join boards b using (source_id)
            where p.started_at >= @dueAt and p.outcome = 'failed'
            """, new { dueAt })).ToList();
        return new ProductRun.Result(elapsed, peak, ProcessStats.Cpu(pid) - cpuBefore, "", failures);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
