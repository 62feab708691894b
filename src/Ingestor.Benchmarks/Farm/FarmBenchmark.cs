using Dapper;
using Ingestor.Storage;
using Npgsql;

namespace Ingestor.Benchmarks.Farm;

/// <summary>
/// Sweeps a farm of boards through the product's real entry points on a durable PostgreSQL and a folder archive: new (empty
/// database), unchanged (the same bytes), re-serialized (same postings, other bytes), churn; once with a process for each sweep
/// (<c>--once</c>), once through the running service, which pays its start and its compilation once, not every sweep. Each
/// sweep starts from a vacuum (with analyze) and a checkpoint, so every page it touches costs its full-page image in WAL, as
/// it does in production where a checkpoint falls in every sweep interval. The floors of the same work are measured first,
/// in the same run.
/// CPU is counted for the product's process and, apart, for the database server's (every backend, autovacuum and the
/// server's own writers), so that a sweep's time reads as the sum of both over the machine's cores.
/// </summary>
internal static class FarmBenchmark
{
    public sealed record Size(string Name, int[] Sizes);

    public static Size Uniform(int boards, int postings) => new($"{boards:N0} × {postings}", [.. Enumerable.Repeat(postings, boards)]);

    /// <summary>
    /// Boards of a rank-size law (size ∝ rank^-0.75, capped at the recorded board's 547 jobs) scaled to the ~166k open postings
    /// two public crawls count on ~6,000 Greenhouse boards: median 14, the top 800 boards hold about half, 26 boards ≥ 500.
    /// </summary>
    public static Size HeavyTailed(int boards, int postings, int largest)
    {
        double low = 1, high = 1e7;
        int[] sizes = [];
        for (var step = 0; step < 100; step++)
        {
            var scale = (low + high) / 2;
            sizes = [.. Enumerable.Range(1, boards).Select(rank => (int)Math.Clamp(Math.Round(scale * Math.Pow(rank, -0.75)), 1, largest))];
            if (sizes.Sum() < postings)
                low = scale;
            else
                high = scale;
        }
        return new($"{boards:N0}, heavy-tailed ({sizes.Sum():N0} postings)", sizes);
    }

    public static async Task RunAsync(byte[] recordedBoard, Size size, string work, string serviceAssembly)
    {
        var folder = Path.Combine(work, $"farm-{size.Sizes.Length}");
        await using var farm = await BoardFarm.StartAsync(recordedBoard, size.Sizes);

        Console.WriteLine();
        Console.WriteLine($"Farm {size.Name}: {farm.Postings:N0} postings, {Bytes(Enumerable.Range(0, farm.Boards).Sum(b => (long)farm.Payload(b).Length))} a sweep, served on loopback");
        Floors floors;
        await using (var postgres = await StartPostgresAsync(Path.Combine(folder, "floor-postgres")))
            floors = await Floors.MeasureAsync(farm, postgres.ConnectionString, Path.Combine(folder, "floor-archive"));
        Console.WriteLine(
            $"floors: fetch {Seconds(floors.Fetch)}, parse + hash (2 cores) {Seconds(floors.ParseAndHash)}, write payloads {Seconds(floors.ArchiveWrite)}, " +
            $"binary COPY of rows and events {Seconds(floors.Copy)}: {Seconds(floors.Sum)} in all");

        Console.WriteLine("each sweep a process of its own (--once), as an operator or a cron job runs it:");
        await SweepsAsync(farm, floors, Path.Combine(folder, "once"), serviceAssembly, warm: false);
        Console.WriteLine("through the running service (no flags), whose scheduler polls every board made due, as in production:");
        await SweepsAsync(farm, floors, Path.Combine(folder, "service"), serviceAssembly, warm: true);
    }

    /// <summary>New, unchanged, re-serialized and churn, in that order, from an empty database and archive.</summary>
    private static async Task SweepsAsync(BoardFarm farm, Floors floors, string folder, string serviceAssembly, bool warm)
    {
        await using var postgres = await StartPostgresAsync(Path.Combine(folder, "postgres"));
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        var server = int.Parse(File.ReadLines(Path.Combine(postgres.DataDirectory, "postmaster.pid")).First());
        var archive = Path.Combine(folder, "archive");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres.ConnectionString,
            ["Greenhouse__BaseUrl"] = farm.BaseUrl.ToString(),
            // The farm is on loopback: politeness limits are for real hosts.
            ["Greenhouse__MaxRequestsPerSecond"] = "100000",
            ["Archive__Kind"] = "file",
            ["Archive__Path"] = archive,
            ["Metrics__Port"] = "0",
            // As the image runs it (Dockerfile).
            ["DOTNET_GCgen0size"] = "0x2000000",
        };
        // A process that runs once keeps its precompiled code as it is (README, "Running it"); the service recompiles hot code.
        if (!warm)
            environment["DOTNET_TieredCompilation"] = "0";
        var boardList = Path.Combine(folder, "boards.txt");
        await File.WriteAllLinesAsync(boardList, Enumerable.Range(0, farm.Boards).Select(BoardFarm.Token));
        await ProductRun.RunAsync(serviceAssembly, environment, "--add-boards", boardList);
        await using var service = warm ? await ServiceRun.StartAsync(serviceAssembly, environment, database) : null;

        Console.WriteLine(
            $"{"sweep",-14} {"s",7} {"× floors",9} {"CPU s",7} {"PG CPU s",9} {"archived",10} {"WAL",10} {"posting rows",13} {"events",8} {"statements/board",17} {"plans/board",12} " +
            $"{"peak RSS",9} {"poll p50/p99 ms",16}");
        foreach (var (label, state) in new[] { ("new", FarmState.Original), ("unchanged", FarmState.Original), ("re-serialized", FarmState.Reserialized), ("churn", FarmState.Churned) })
        {
            farm.State = state;
            await VacuumAsync(database, label);
            await database.CreateCommand("checkpoint").ExecuteNonQueryAsync();
            // Time alone makes a board due in production; the write that does it here comes before the sweep's checkpoint.
            DateTime? dueAt = service is null ? null : await service.MakeDueSoonAsync();
            await database.CreateCommand("checkpoint").ExecuteNonQueryAsync();
            var archivedBefore = FolderBytes(archive);
            var before = await DatabaseCounters.ReadAsync(database);
            var serverCpu = await ProcessStats.TreeCpuAsync(server);
            var run = service is null ? await ProductRun.RunAsync(serviceAssembly, environment, "--once") : await service.SweepAsync(farm.Boards, dueAt!.Value);
            serverCpu = await ProcessStats.TreeCpuAsync(server) - serverCpu;
            // Sessions flush their statistics as they close; an idle one that flushed within the last second waits up to 10 s.
            await Task.Delay(TimeSpan.FromSeconds(service is null ? 1 : 11));
            var after = await DatabaseCounters.ReadAsync(database);
            var wal = await DatabaseCounters.WalBytesBetweenAsync(database, before, after);
            var polls = await PollTimesAsync(database);
            Console.WriteLine(
                $"{label,-14} {run.Elapsed.TotalSeconds,7:0.0} {run.Elapsed / floors.Sum,9:0.00} {run.Cpu.TotalSeconds,7:0.0} {serverCpu.TotalSeconds,9:0.0} " +
                $"{Bytes(FolderBytes(archive) - archivedBefore),10} {Bytes(wal),10} " +
                $"{after.PostingRowsWritten - before.PostingRowsWritten,13:N0} {after.EventsWritten - before.EventsWritten,8:N0} " +
                $"{(after.Statements - before.Statements) / (double)farm.Boards,17:0.0} {(after.Plans - before.Plans) / (double)farm.Boards,12:0.0} " +
                $"{Bytes(run.PeakRssBytes),9} {polls,16}");
            foreach (var failure in run.Failures.Take(3))
                Console.WriteLine($"  {failure}");
            if (run.Failures.Count > 3)
                Console.WriteLine($"  … {run.Failures.Count} boards failed in all");
        }
    }

    /// <summary>
    /// Vacuums and analyzes what the last sweep left, as autovacuum would after it, and says what that wrote: otherwise
    /// autovacuum's pass over the first sweep's 50,000 new rows (marking their pages all-visible, ~1.2 MB of WAL), and its
    /// analyze of them (1.7 CPU-s of the server, and the statistics' own WAL), land in whichever sweep they overlap.
    /// </summary>
    private static async Task VacuumAsync(NpgsqlDataSource database, string label)
    {
        if (label == "new")
            return;
        var before = await DatabaseCounters.ReadAsync(database);
        await database.CreateCommand("vacuum (analyze)").ExecuteNonQueryAsync();
        var after = await DatabaseCounters.ReadAsync(database);
        Console.WriteLine($"  (vacuum before {label}: {Bytes(await DatabaseCounters.WalBytesBetweenAsync(database, before, after))} of WAL, not counted in it)");
    }

    /// <summary>A durable PostgreSQL (fsync on) with pg_stat_statements loaded (which takes a restart), counting plans too.</summary>
    private static async Task<LocalPostgres> StartPostgresAsync(string directory)
    {
        await using (var first = await LocalPostgres.StartAsync(directory, durable: true))
        {
            await using var connection = new NpgsqlConnection(first.ConnectionString);
            await connection.ExecuteAsync("alter system set shared_preload_libraries = 'pg_stat_statements'");
        }
        var postgres = await LocalPostgres.StartAsync(directory, durable: true);
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.ExecuteAsync("create extension if not exists pg_stat_statements");
            // Known only once the library is loaded: counts the plans made, so a statement planned again at every run shows.
            await connection.ExecuteAsync("alter system set pg_stat_statements.track_planning = on");
            await connection.ExecuteAsync("select pg_reload_conf()");
        }
        return postgres;
    }

    /// <summary>How long the sweep's polls took, start to finish, at the median and the 99th percentile.</summary>
    private static async Task<string> PollTimesAsync(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync();
        var (p50, p99) = await connection.QuerySingleAsync<(double, double)>(
            """
            select percentile_cont(0.5) within group (order by extract(epoch from finished_at - started_at)) * 1000,
                   percentile_cont(0.99) within group (order by extract(epoch from finished_at - started_at)) * 1000
            from (select distinct on (source_id) started_at, finished_at from polls order by source_id, started_at desc) latest
            """);
        return $"{p50:0}/{p99:0}";
    }

    private static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.0} s";

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.00} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0} KB",
        _ => $"{bytes} B",
    };
}
