using Dapper;
using Npgsql;

namespace Ingestor.Serving;

/// <summary>A company as <c>GET /job-postings/v1/orgs/{org_id}</c> serves it: its boards and how many of its postings are active.</summary>
public sealed record OrgRecord(Guid OrgId, string Name, DateTime CreatedAt, IReadOnlyList<OrgRecord.Board> Boards, int ActivePostings, int InactivePostings)
{
    public sealed record Board(Guid SourceId, string Provider, string BoardToken);
}

public sealed class OrgRecords(NpgsqlDataSource database)
{
    private sealed record Row(Guid OrgId, string Name, DateTime CreatedAt, int ActivePostings, int InactivePostings);

    public async Task<OrgRecord?> FindAsync(Guid orgId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            select o.org_id, o.name, o.created_at, counts.active_postings, counts.inactive_postings
            from orgs o, lateral (
                select count(*) filter (where p.status = 'active')::int as active_postings,
                       count(*) filter (where p.status = 'inactive')::int as inactive_postings
                from posting_rows p where p.org_id = o.org_id) counts
            where o.org_id = @OrgId;

            select source_id, provider, board_token from boards where org_id = @OrgId order by provider, board_token;
            """, new { OrgId = orgId }, cancellationToken: cancellationToken));
        var org = await results.ReadSingleOrDefaultAsync<Row>();
        var boards = (await results.ReadAsync<OrgRecord.Board>()).ToList();
        return org is null ? null : new OrgRecord(org.OrgId, org.Name, org.CreatedAt, boards, org.ActivePostings, org.InactivePostings);
    }
}
