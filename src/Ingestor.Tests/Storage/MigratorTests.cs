using Dapper;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ingestor.Tests.Storage;

public sealed class MigratorTests(TestServers servers)
{
    [Fact]
    public async Task ReplicasStartingTogetherApplyEachMigrationExactlyOnce()
    {
        await using var database = NpgsqlDataSource.Create(await servers.CreateEmptyDatabaseAsync());
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);

        var applied = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => migrator.MigrateAsync(CancellationToken.None)));

        Assert.Equal(["001_postings", "002_quartz_job_store", "003_board_snapshots", "004_board_spellings", "005_change_feed", "006_job_slices", "007_claim_leases", "008_close_evidence", "009_board_states", "010_lz4_toast", "011_reposts", "012_staged_postings", "013_poll_retention", "014_listing_fingerprint", "015_reposted_by", "016_poll_columns_last", "017_no_staged_postings"], applied.Single(names => names.Count > 0));
        Assert.Equal(5, applied.Count(names => names.Count == 0));
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17], await connection.QueryAsync<int>("select version from schema_migrations order by version"));
        Assert.Empty(await migrator.MigrateAsync(CancellationToken.None));
    }
}
