using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ingestor.Storage;

public static class StorageRegistration
{
    public const string ConnectionStringName = "Postgres";

    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => CreateDataSource(ConnectionString(services)));
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<Boards>();
        builder.Services.AddSingleton<PostingStore>();
        builder.Services.AddSingleton<UnchangedPayloads>();
        builder.Services.AddSingleton<UnchangedListings>();
        builder.Services.AddSingleton<PostingRecords>();
        builder.Services.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        builder.Services.AddSingleton<PollRetention>();
        return builder;
    }

    /// <summary>Connections to PostgreSQL a process keeps at most, unless its connection string says otherwise: 3 a core, at least 6.</summary>
    public static int DefaultMaxConnections => Math.Max(6, 3 * Environment.ProcessorCount);

    /// <summary>The configured connection string; a clear error when there is none.</summary>
    public static string ConnectionString(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new OptionsValidationException(ConnectionStringName, typeof(string),
                ["ConnectionStrings:Postgres (env ConnectionStrings__Postgres) is required outside the Development environment"]);
        return connectionString;
    }

    /// <summary>
    /// The product's connections to PostgreSQL, as <paramref name="connectionString"/> and these defaults make them; a pool
    /// of <paramref name="maxConnections"/> whatever the connection string says, when given.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, string name = "ingestor", int? maxConnections = null)
    {
        var database = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        // Sessions keep no state between uses (no temporary tables; a poll's settings are set for its transaction only), so
        // a connection taken from the pool needs no DISCARD ALL: an unchanged board's poll stays one statement.
        database.ConnectionStringBuilder.NoResetOnClose = true;
        // Every poll runs the same few statements: prepared once per connection, they are neither parsed nor analyzed again
        // each time. A prepared statement may keep the plan PostgreSQL made at its first runs, so a poll's statements look
        // rows up by key and read no table that a first sweep grows from nothing (the poll's events, BoardTransaction).
        // A connection string that names the setting (PgBouncer in transaction mode wants Max Auto Prepare=0) is obeyed;
        // Npgsql's own builder knows every keyword, set or not, so the string as given is what is asked.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Names(params string[] keywords) => keywords.Any(given.ContainsKey);
        if (!Names("Max Auto Prepare", "MaxAutoPrepare"))
            database.ConnectionStringBuilder.MaxAutoPrepare = 64;
        // Npgsql hands idle connections out first in, first out, so every connection a busy moment opened keeps being used
        // in turn, each server process with its caches and plans cold: with Npgsql's 100 the service's churn cost PostgreSQL
        // far more CPU (README, "Several replicas"). A connection string that names the setting is obeyed.
        if (maxConnections is { } most)
            (database.ConnectionStringBuilder.MaxPoolSize, database.ConnectionStringBuilder.MinPoolSize) =
                (most, Math.Min(most, database.ConnectionStringBuilder.MinPoolSize));
        else if (!Names("Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
            database.ConnectionStringBuilder.MaxPoolSize = DefaultMaxConnections;
        return database.Build();
    }

    /// <summary>
    /// With no connection string in Development, starts a throwaway PostgreSQL whose data lives in <c>LocalPostgres:Directory</c>
    /// (git-ignored) and points the connection string at it. Elsewhere a missing connection string is an error, never a surprise database.
    /// </summary>
    public static async Task<IAsyncDisposable?> StartLocalDatabaseIfNeededAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)) || !builder.Environment.IsDevelopment())
            return null;
        var directory = builder.Configuration["LocalPostgres:Directory"] ?? ".local/postgres";
        var server = await LocalPostgres.StartAsync(directory, durable: true, cancellationToken);
        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = server.ConnectionString;
        if (server.StoppedLeftoverServer)
            Console.Error.WriteLine($"stopped the PostgreSQL server an earlier run left running on {server.DataDirectory} (it ended without stopping it); its data is kept");
        Console.Error.WriteLine($"throwaway PostgreSQL on 127.0.0.1:{server.Port} (user postgres, database ingestor), data in {server.DataDirectory}");
        return server;
    }
}
