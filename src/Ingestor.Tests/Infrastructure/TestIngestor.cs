using Dapper;
using Ingestor.Archive;
using Ingestor.Providers;
using Ingestor.Providers.Greenhouse;
using Ingestor.Polling;
using Ingestor.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ingestor.Tests.Infrastructure;

/// <summary>
/// The real service, composed by <see cref="Program.CreateBuilder"/>, pointed at the test servers: its own database,
/// its own bucket (or folder) and its own tenant of the fake Greenhouse.
/// </summary>
public sealed class TestIngestor : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _folder;

    private TestIngestor(IHost host, FakeGreenhouse.Tenant greenhouse, string bucket, string? folder, IReadOnlyDictionary<string, string?> settings)
    {
        _host = host;
        Settings = settings;
        Greenhouse = greenhouse;
        Bucket = bucket;
        _folder = folder;
    }

    public FakeGreenhouse.Tenant Greenhouse { get; }

    /// <summary>The settings this instance runs on, for starting the service as a process against the same servers.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string Bucket { get; }

    public NpgsqlDataSource Database => Get<NpgsqlDataSource>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<TestIngestor> StartAsync(
        TestServers servers, ArchiveKind archive = ArchiveKind.S3, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var tenant = servers.Greenhouse.NewTenant();
        var bucket = $"raw-{Guid.NewGuid():N}"[..30];
        var folder = archive == ArchiveKind.File ? Directory.CreateTempSubdirectory("ingestor-archive-").FullName : null;
        if (archive == ArchiveKind.S3)
            await servers.S3.CreateBucketAsync(bucket);

        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = await servers.CreateDatabaseAsync(),
            ["Greenhouse:BaseUrl"] = tenant.BaseUrl.ToString(),
            ["Greenhouse:RetryBaseDelay"] = "00:00:00.010",
            ["Greenhouse:MaxRetryAfter"] = "00:00:00.200",
            ["Ashby:BaseUrl"] = tenant.BaseUrl.ToString(),
            ["Ashby:RetryBaseDelay"] = "00:00:00.010",
            ["Lever:BaseUrl"] = tenant.BaseUrl.ToString(),
            ["Lever:EuBaseUrl"] = new Uri(tenant.BaseUrl, "eu/").ToString(),
            ["Lever:RetryBaseDelay"] = "00:00:00.010",
            ["SmartRecruiters:BaseUrl"] = tenant.BaseUrl.ToString(),
            ["SmartRecruiters:RetryBaseDelay"] = "00:00:00.010",
            ["Archive:Kind"] = archive.ToString(),
            ["Archive:Bucket"] = bucket,
            ["Archive:ServiceUrl"] = servers.S3.ServiceUrl.ToString(),
            ["Archive:Region"] = "us-east-1",
            ["Archive:Path"] = folder,
            ["Metrics:Port"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var builder = Program.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton(clock ?? new SteppingClock(SteppingClock.RecordDay, TimeSpan.FromMinutes(1)));
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return new TestIngestor(host, tenant, bucket, folder, configuration);
    }

    /// <summary>Registers a board named as on the command line: <c>provider:token</c>, or a bare Greenhouse token.</summary>
    public Task<BoardRef> RegisterAsync(string name) =>
        Get<ProviderCatalog>().TryParse(name, out var board, out var problem)
            ? Get<Boards>().RegisterAsync(board, CancellationToken.None)
            : throw new ArgumentException(problem);

    /// <summary>Registers the board if new and polls it once, as <c>--once --board</c> would.</summary>
    public async Task<PollRecord> PollAsync(string token) =>
        await Get<BoardPoller>().PollAsync(await RegisterAsync(token), CancellationToken.None);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        if (_folder is not null)
            Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
