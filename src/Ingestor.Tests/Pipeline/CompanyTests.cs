using Dapper;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>A board's postings belong to its company, named by them: one row per company, however many boards it has.</summary>
public sealed class CompanyTests(TestServers servers)
{
    private const string BoardOrgs = "select board_token, org_id from boards order by board_token";

    [Fact]
    public async Task TheBoardsOfOneCompanyShareItsRow()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", fal.Reply());
        ingestor.Greenhouse.Script("fal-careers", fal.Copy().Reposted(4012000002, 4019000001).Reply());

        await Task.WhenAll(ingestor.PollAsync("fal"), ingestor.PollAsync("fal-careers"));

        var orgs = await ingestor.QueryAsync<(string Board, Guid OrgId)>(BoardOrgs);
        Assert.Equal(["fal", "fal-careers"], orgs.Select(o => o.Board));
        Assert.Equal(orgs[0].OrgId, orgs[1].OrgId);
        Assert.Equal(("fal", orgs[0].OrgId), Assert.Single(await ingestor.QueryAsync<(string, Guid)>("select name, org_id from orgs")));
    }

    [Fact]
    public async Task AFirstPollWaitsForACompanyAnotherTransactionIsCreatingAndThenUsesIt()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", BoardPayload.Of("fal").Reply());
        await ingestor.RegisterAsync("fal");
        var cancellationToken = TestContext.Current.CancellationToken;

        // Another board's first poll has created the company and not yet committed: ours waits on it, cannot read it in the
        // statement that waited, and reads it in the next.
        Guid created;
        Task<PollRecord> poll;
        await using (var connection = await ingestor.Database.OpenConnectionAsync(cancellationToken))
        await using (var other = await connection.BeginTransactionAsync(cancellationToken))
        {
            created = await connection.ExecuteScalarAsync<Guid>("insert into orgs (name) values ('fal') returning org_id", transaction: other);
            poll = ingestor.PollAsync("fal");
            while (await ingestor.ScalarAsync<long>("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into orgs%'") == 0)
                await Task.Delay(50, cancellationToken);
            await other.CommitAsync(cancellationToken);
        }

        Assert.Equal((PollOutcome.Succeeded, 3), ((await poll).Outcome, (await poll).Opened));
        Assert.Equal([("fal", created)], await ingestor.QueryAsync<(string, Guid)>(BoardOrgs));
        Assert.Equal(3, await ingestor.ScalarAsync<long>("select count(*) from posting_rows where org_id = @created", new { created }));
    }
}
