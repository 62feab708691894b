using Dapper;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ingestor.Tests.Storage;

/// <summary>Migration 008 on a database written before it: old closes say they were decided on absence, held closes stay held.</summary>
public sealed class CloseEvidenceMigrationTests(TestServers servers)
{
    private const long Inference = 4012000001, Advocate = 4012000002;

    [Fact]
    public async Task OldClosesAreMarkedAbsentAndAHeldCloseWaitsForItsSecondAbsence()
    {
        var connectionString = await servers.CreateEmptyDatabaseAsync();
        await using (var database = NpgsqlDataSource.Create(connectionString))
            await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString });
        var fal = BoardPayload.Of("fal");
        var withoutBoth = fal.Copy().Without(Advocate).Without(Inference);
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Copy().Without(Advocate).Reply(), withoutBoth.Reply());
        ingestor.Greenhouse.Script($"fal/jobs/{Inference}", Reply.Error(403));
        await ingestor.PollAsync("fal");
        var closing = await ingestor.PollAsync("fal");
        var holding = await ingestor.PollAsync("fal");

        // The database as it stood before 008: no reasons, and the board holding its closes the old way.
        await ingestor.ScalarAsync<int>(
            """
            alter table job_events drop constraint closes_carry_a_reason;
            alter table job_events drop column closed_reason, drop column evidence;
            alter table boards add column closes_held boolean not null default false;
            update boards set closes_held = true;
            alter table boards drop column pending_closes;
            delete from schema_migrations where version = 8;
            select 0;
            """);
        var applied = await ingestor.Get<Migrator>().MigrateAsync(CancellationToken.None);

        Assert.Equal(["008_close_evidence"], applied);
        Assert.Equal(("absent", $"{{\"polls\": [\"{closing.PollId}\"]}}"), (await ingestor.QueryAsync<(string, string)>(
            "select closed_reason, evidence::text from job_events where event_type = 'closed'")).Single());
        Assert.Equal($"{{\"{JobId.For("greenhouse", "fal", Inference.ToString(System.Globalization.CultureInfo.InvariantCulture))}\": \"{holding.PollId}\"}}",
            await ingestor.ScalarAsync<string>("select pending_closes::text from boards"));

        var confirmed = await ingestor.PollAsync("fal");
        Assert.Equal(1, confirmed.Closed);
        Assert.Equal("absent_twice", await ingestor.ScalarAsync<string>("select closed_reason from job_events where poll_id = @PollId", new { confirmed.PollId }));
    }
}
