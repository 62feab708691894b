using Dapper;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ingestor.Tests.Storage;

/// <summary>
/// Migration 016 on a board written before it: the columns it moves to the row's end keep their values, what readers get
/// stays as it was (views built on the postings view too), and the board polls on.
/// </summary>
public sealed class PollColumnsMigrationTests(TestServers servers)
{
    private sealed record PollColumns(
        DateTime NextPollAt, DateTime? LastPollAt, DateTime? LastSuccessAt, DateTime? LastSnapshotAt, string? ClaimedBy, DateTime? ClaimedUntil);

    private const string Read =
        "select next_poll_at, last_poll_at, last_success_at, last_snapshot_at, claimed_by, claimed_until from boards";

    private const string Sightings =
        "select job_id || ' ' || last_seen_at::text || ' ' || last_checked_at::text || ' ' || raw_payload_uri from postings order by job_id";

    [Fact]
    public async Task ABoardKeepsItsScheduleSightingAndClaimAndItsPostingsTheirSightings()
    {
        var connectionString = await servers.CreateEmptyDatabaseAsync();
        // The database as it stood before 016: every migration but that one applied.
        await using (var database = NpgsqlDataSource.Create(connectionString))
        {
            await database.CreateCommand(
                """
                create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now());
                insert into schema_migrations (version, name) values (16, 'not yet');
                """).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        }
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString });
        var fal = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Reply());
        await ingestor.PollAsync("fal");
        // Claimed as the poll that follows claims it, so that its end gives the claim back.
        await ingestor.ScalarAsync<int>(
            "update boards set claimed_by = @Replica, claimed_until = now() + interval '5 minutes' returning 1", new { Boards.Replica });
        var before = (await ingestor.QueryAsync<PollColumns>(Read)).Single();
        var sightings = await ingestor.QueryAsync<string>(Sightings);

        // A view of the operator's own on the postings view, which the migration must not have to drop.
        await ingestor.ScalarAsync<int>("create view seen_postings as select job_id, last_seen_at from postings; select 1");
        await ingestor.ScalarAsync<int>("delete from schema_migrations where version = 16 returning 1");
        var applied = await ingestor.Get<Migrator>().MigrateAsync(CancellationToken.None);

        Assert.Equal(["016_poll_columns_last"], applied);
        Assert.Equal(before, (await ingestor.QueryAsync<PollColumns>(Read)).Single());
        Assert.Equal(sightings, await ingestor.QueryAsync<string>(Sightings));
        Assert.NotEmpty(sightings);
        Assert.Equal(sightings.Count, await ingestor.ScalarAsync<int>("select count(*)::int from seen_postings where last_seen_at = @LastSnapshotAt", before));

        var again = await ingestor.PollAsync("fal");
        Assert.Equal(sightings.Count, again.Unchanged);
        var after = (await ingestor.QueryAsync<PollColumns>(Read)).Single();
        Assert.True(after.LastSnapshotAt > before.LastSnapshotAt);
        Assert.True(after.LastPollAt > before.LastPollAt);
        Assert.Null(after.ClaimedBy);
    }

    [Fact]
    public async Task WhatAPollChangesOnItsBoardIsTheRowsLastColumns()
    {
        await using var database = NpgsqlDataSource.Create(await servers.CreateEmptyDatabaseAsync());
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        var columns = await connection.QueryAsync<string>(
            "select attname from pg_attribute where attrelid = 'boards'::regclass and attnum > 0 and not attisdropped order by attnum");

        // A HOT update logs the bytes from the first column it changes to the last: a column added after these is logged
        // with every poll and every claim, however rarely it changes itself.
        Assert.Equal(["next_poll_at", "last_poll_at", "last_success_at", "last_snapshot_at", "claimed_by", "claimed_until"], columns.TakeLast(6));
    }
}
