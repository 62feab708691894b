using Ingestor.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Ingestor.Cli;

/// <summary>What every database-backed mode does first: a local database when the defaults call for one, validated options, migrations.</summary>
internal sealed class HostStartup : IAsyncDisposable
{
    private readonly IAsyncDisposable? _localDatabase;

    private HostStartup(IHost host, IAsyncDisposable? localDatabase)
    {
        Host = host;
        _localDatabase = localDatabase;
    }

    public IHost Host { get; }

    public IReadOnlyList<string> AppliedMigrations { get; private set; } = [];

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <param name="quiet">Command-line modes keep standard output for their report and send warnings and errors to standard error.</param>
    public static async Task<HostStartup> StartAsync(HostApplicationBuilder builder, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet)
        {
            builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
            builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        var localDatabase = await builder.StartLocalDatabaseIfNeededAsync(cancellationToken);
        var host = builder.Build();
        var startup = new HostStartup(host, localDatabase);
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            startup.AppliedMigrations = await host.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
            return startup;
        }
        catch
        {
            await startup.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        if (_localDatabase is not null)
            await _localDatabase.DisposeAsync();
    }
}
