using Dapper;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ingestor.Tests.Storage;

public sealed class BoardStateMigrationTests(TestServers servers)
{
    private sealed record BoardRow(
        string BoardToken, string State, DateTime? FailingSince, int? LastFailureStatus, DateTime? NotFoundSince, int NotFoundPolls);

    [Fact]
    public async Task ExistingBoardsTakeTheirStateFromTheirLastPollsAndAFailingBoardsRunFromItsFailedPolls()
    {
        await using var database = NpgsqlDataSource.Create(await servers.CreateEmptyDatabaseAsync());
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        // Back to the schema before migration 009, with boards as they stood then.
        await connection.ExecuteAsync(
            """
            alter table boards drop column state, drop column failing_since, drop column last_failure_status,
                               drop column not_found_since, drop column not_found_polls;
            delete from schema_migrations where version = 9;

            insert into boards (source_id, provider, board_token, consecutive_failures) values
                ('00000000-0000-0000-0000-00000000000a', 'greenhouse', 'not-found', 3),
                ('00000000-0000-0000-0000-00000000000b', 'greenhouse', 'rate-limited', 2),
                ('00000000-0000-0000-0000-00000000000c', 'greenhouse', 'listed-none', 0),
                ('00000000-0000-0000-0000-00000000000d', 'greenhouse', 'listed-some', 0),
                ('00000000-0000-0000-0000-00000000000e', 'greenhouse', 'never-polled', 0);
            insert into polls (poll_id, source_id, started_at, finished_at, http_status, outcome, job_count) values
                (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', '2026-06-01 00:00Z', '2026-06-01 00:00Z', 200, 'succeeded', 3),
                (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', '2026-06-01 01:00Z', '2026-06-01 01:00Z', 500, 'failed', null),
                (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', '2026-06-01 02:00Z', '2026-06-01 02:00Z', 404, 'failed', null),
                (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', '2026-06-01 03:00Z', '2026-06-01 03:00Z', 404, 'failed', null),
                (gen_random_uuid(), '00000000-0000-0000-0000-00000000000b', '2026-06-01 01:00Z', '2026-06-01 01:00Z', 404, 'failed', null),
                (gen_random_uuid(), '00000000-0000-0000-0000-00000000000b', '2026-06-01 02:00Z', '2026-06-01 02:00Z', 429, 'failed', null),
                ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-00000000000c', '2026-06-01 02:00Z', '2026-06-01 02:00Z', 200, 'succeeded', 0),
                ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-00000000000d', '2026-06-01 02:00Z', '2026-06-01 02:00Z', 200, 'succeeded', 5);
            update boards set snapshot_poll_id = '00000000-0000-0000-0000-0000000000c1' where board_token = 'listed-none';
            update boards set snapshot_poll_id = '00000000-0000-0000-0000-0000000000d1' where board_token = 'listed-some';
            """);

        Assert.Equal(["009_board_states"], await migrator.MigrateAsync(CancellationToken.None));
        var boards = (await connection.QueryAsync<BoardRow>(
            "select board_token, state, failing_since, last_failure_status, not_found_since, not_found_polls from boards order by board_token")).ToList();

        var at = (int hour) => new DateTime(2026, 6, 1, hour, 0, 0, DateTimeKind.Utc);
        Assert.Equal(
        [
            new BoardRow("listed-none", BoardStates.Empty, null, null, null, 0),
            new BoardRow("listed-some", BoardStates.Ok, null, null, null, 0),
            new BoardRow("never-polled", BoardStates.Ok, null, null, null, 0),
            // Its 404 run (the last two polls) is kept for the polls to come to confirm: until then the board is failing.
            new BoardRow("not-found", BoardStates.Failing, at(1), 404, at(2), 2),
            new BoardRow("rate-limited", BoardStates.Blocked, at(1), 429, null, 0),
        ], boards);
    }
}
