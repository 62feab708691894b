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
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            await RunPostgresToolAsync("initdb", ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], cancellationToken);

        // Throwaway data needs no crash safety; skipping fsync makes tests and the demo several times faster.
        var speed = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c max_connections=200{speed}";
        await RunPostgresToolAsync("pg_ctl", ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellationToken);

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

    private Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var program = Path.Combine(_binaries, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], cancellationToken)
            : RunAsync(program, arguments, cancellationToken);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}".Trim());
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
