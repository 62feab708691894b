using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// Applies the numbered scripts in <c>Storage/Migrations</c> in order, each once, recorded in <c>schema_migrations</c>.
/// Replicas starting together queue on an advisory lock, so exactly one applies each script.
/// </summary>
public sealed class Migrator(NpgsqlDataSource database, ILogger<Migrator> logger)
{
    // Any constant shared by every replica; it names this lock among the database's advisory locks.
    private const long MigrationLock = 0x1_6e9e_5701;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("select pg_advisory_xact_lock(@MigrationLock)", new { MigrationLock }, transaction);
        await connection.ExecuteAsync(
            """
            create table if not exists schema_migrations (
                version    integer primary key,
                name       text not null,
                applied_at timestamptz not null default now()
            )
            """, transaction: transaction);

        var applied = (await connection.QueryAsync<int>("select version from schema_migrations", transaction: transaction)).ToHashSet();
        var pending = Scripts().Where(script => !applied.Contains(script.Version)).ToList();
        foreach (var script in pending)
        {
            logger.LogInformation("Applying migration {Version} {Name}", script.Version, script.Name);
            await connection.ExecuteAsync(script.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "insert into schema_migrations (version, name) values (@Version, @Name)", new { script.Version, script.Name }, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. pending.Select(script => script.Name)];
    }

    private sealed record Script(int Version, string Name, string Sql);

    private static IEnumerable<Script> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "Ingestor.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[prefix.Length..];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new Script(int.Parse(fileName[..fileName.IndexOf('_')]), Path.GetFileNameWithoutExtension(fileName), reader.ReadToEnd());
            })
            .OrderBy(script => script.Version);
    }
}
