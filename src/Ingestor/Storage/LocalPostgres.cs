using System.Diagnostics;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// A throwaway PostgreSQL server run from the machine's own binaries, on a free loopback port, with its data in a folder
/// of ours. It serves the embedded defaults (no connection string configured) and the integration tests.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string Database = "ingestor";
    private readonly string _binaries;
    private readonly bool _asPostgresUser;

    private LocalPostgres(string binaries, int port)
    {
        _binaries = binaries;
        Port = port;
        // PostgreSQL refuses to run as root; as root we hand the folder to the postgres account and run as it.
        _asPostgresUser = Environment.UserName == "root";
    }

    public int Port { get; }

    /// <summary>A server was found still running on the folder, left by a process that ended without stopping it, and was stopped cleanly first.</summary>
    public bool StoppedLeftoverServer { get; private set; }

    /// <summary>Where the data lives: the folder asked for, unless the postgres account cannot reach it (see <see cref="StartAsync(string, bool, CancellationToken)"/>).</summary>
    public string DataDirectory { get; private set; } = "";

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = Database,
    }.ConnectionString;

    /// <summary>
    /// Starts a server on <paramref name="dataDirectory"/>, creating the cluster when the folder holds none yet. Run as root,
    /// the server runs as the postgres account; when that account cannot reach the folder (a checkout under /root, say),
    /// the data goes to a folder of the system's temporary directory named after the one asked for, so reruns find it again.
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, bool durable, CancellationToken cancellationToken = default)
    {
        var server = new LocalPostgres(FindBinaries(), LoopbackPort.Free());
        await server.BootAsync(Path.GetFullPath(dataDirectory), durable, cancellationToken);
        return server;
    }

    private async Task BootAsync(string dataDirectory, bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        if (_asPostgresUser && !await PostgresAccountReachesAsync(Path.GetDirectoryName(dataDirectory)!, cancellationToken))
        {
            var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..12];
            dataDirectory = Path.Combine(Path.GetTempPath(), $"ingestor-postgres-{name}");
            Directory.CreateDirectory(dataDirectory);
        }
        DataDirectory = dataDirectory;
        if (_asPostgresUser)
            await RunAsync("chown", ["-R", "postgres:postgres", dataDirectory], cancellationToken);
        await StopLeftoverServerAsync(cancellationToken);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            await RunPostgresToolAsync("initdb", ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], cancellationToken);

        // Throwaway data needs no crash safety; skipping fsync makes tests and the demo several times faster.
        var speed = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c max_connections=200{speed}";
        await RunPostgresToolAsync("pg_ctl", ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellationToken);
        LocalPostgresOwner.Claim(OwnerFile);

        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand($"select 1 from pg_database where datname = '{Database}'", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"create database {Database}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        File.Delete(OwnerFile);
    }

    // Beside the data folder, not in it: initdb wants an empty folder, and the file must outlive the server it describes.
    private string OwnerFile => DataDirectory + ".owner";

    /// <summary>
    /// A process killed before it stopped its server (kill -9, an OOM kill) leaves PostgreSQL running on the folder, and a new
    /// server would refuse to start on it. A server whose owner is gone is stopped cleanly (a fast shutdown: nothing committed
    /// is lost) and started again as ours; one whose owner still runs is not ours to take.
    /// </summary>
    private async Task StopLeftoverServerAsync(CancellationToken cancellationToken)
    {
        if (LocalPostgresOwner.Living(OwnerFile) is { } owner)
            throw new InvalidOperationException(
                $"the PostgreSQL data in {DataDirectory} is in use by another running process (pid {owner}); wait for it to end, or point LocalPostgres:Directory elsewhere");
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            return;
        // pg_ctl status: 0 when a server runs on the folder, 3 when the lock file is stale (the server died with its owner).
        if (await RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "status"], cancellationToken, allowFailure: true) != 0)
            return;
        await RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], cancellationToken);
        StoppedLeftoverServer = true;
    }

    private async Task<bool> PostgresAccountReachesAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync("runuser", ["-u", "postgres", "--", "test", "-x", folder], cancellationToken);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private Task<int> RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool allowFailure = false)
    {
        var program = Path.Combine(_binaries, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], cancellationToken, allowFailure)
            : RunAsync(program, arguments, cancellationToken, allowFailure);
    }

    private static async Task<int> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && !allowFailure)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}".Trim());
        return process.ExitCode;
    }

    /// <summary>The newest PostgreSQL install in Debian's layout, else whichever <c>pg_ctl</c> is on the PATH.</summary>
    private static string FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "initdb")));
        return debian ?? onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found (looked in /usr/lib/postgresql/*/bin and on PATH); install them with `apt-get install postgresql` or set ConnectionStrings__Postgres");
    }
}
