using Ingestor.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

[assembly: AssemblyFixture(typeof(Ingestor.Tests.Infrastructure.TestServers))]

namespace Ingestor.Tests.Infrastructure;

/// <summary>
/// The real servers every integration test talks to, started once for the run: PostgreSQL from the machine's binaries,
/// s3rver, and the fake Greenhouse. Each test takes its own database (a copy of a migrated template), bucket and tenant.
/// </summary>
public sealed class TestServers : IAsyncLifetime
{
    private const string Template = "ingestor";
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private string _postgresDirectory = null!;

    public LocalPostgres Postgres { get; private set; } = null!;
    public S3Server S3 { get; private set; } = null!;
    public FakeGreenhouse Greenhouse { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // The AWS SDK reads credentials from the environment, as in production; s3rver accepts these.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "S3RVER");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "S3RVER");

        _postgresDirectory = Directory.CreateTempSubdirectory("ingestor-pg-").FullName;
        var postgres = LocalPostgres.StartAsync(_postgresDirectory, durable: false);
        var s3 = S3Server.StartAsync();
        var greenhouse = FakeGreenhouse.StartAsync();
        try
        {
            await Task.WhenAll(postgres, s3, greenhouse);
            await using (var template = NpgsqlDataSource.Create(postgres.Result.ConnectionString))
                await new Migrator(template, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            NpgsqlConnection.ClearAllPools();
        }
        catch
        {
            // The servers that did start are stopped: a run that cannot start leaves no process behind it.
            await StopIfStartedAsync(postgres);
            await StopIfStartedAsync(s3);
            await StopIfStartedAsync(greenhouse);
            Directory.Delete(_postgresDirectory, recursive: true);
            throw;
        }
        (Postgres, S3, Greenhouse) = (postgres.Result, s3.Result, greenhouse.Result);

        static async Task StopIfStartedAsync<T>(Task<T> starting) where T : IAsyncDisposable
        {
            if (starting.IsCompletedSuccessfully)
                await starting.Result.DisposeAsync();
        }
    }

    /// <summary>A fresh, migrated database of the test's own.</summary>
    public Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(Template);

    /// <summary>A database of the test's own with no schema at all.</summary>
    public Task<string> CreateEmptyDatabaseAsync() => CreateDatabaseAsync("template0");

    private async Task<string> CreateDatabaseAsync(string template)
    {
        var name = $"test_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        // PostgreSQL copies a template only while nobody else uses it, so copies are made one at a time.
        await _templateLock.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name} template {template}", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            _templateLock.Release();
        }
        return new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Postgres is null)
            return; // it never started, and stopped what it had started
        await Greenhouse.DisposeAsync();
        await S3.DisposeAsync();
        await Postgres.DisposeAsync();
        Directory.Delete(_postgresDirectory, recursive: true);
    }
}
