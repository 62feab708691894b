using Npgsql;

namespace Ingestor.Tests.Infrastructure;

/// <summary>
/// An outage of one test database on the shared server, as a failover looks to its clients: new connections are refused and
/// the ones open are ended, until it is over.
/// </summary>
public static class DatabaseOutage
{
    public static Task BeginAsync(TestServers servers, string connectionString) => SetAsync(servers, connectionString, accepting: false);

    public static Task EndAsync(TestServers servers, string connectionString) => SetAsync(servers, connectionString, accepting: true);

    private static async Task SetAsync(TestServers servers, string connectionString, bool accepting)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
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
