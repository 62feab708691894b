using Dapper;
using Npgsql;

namespace Ingestor.Serving;

/// <summary>
/// A board as <c>GET /job-postings/v1/sources/{source_id}</c> serves it: which provider and token, whose it is, and its health.
/// The org is null until the board's first postings name the company.
/// </summary>
public sealed record SourceRecord(Guid SourceId, string Provider, string BoardToken, Guid? OrgId, string? OrgName, bool Enabled, SourceRecord.BoardHealth Health)
{
    public sealed record BoardHealth(
        DateTime? LastPollAt, string? LastOutcome, int ConsecutiveFailures, DateTime? LastSuccessAt, int ActivePostings, DateTime NextPollAt);
}

public sealed class SourceRecords(NpgsqlDataSource database)
{
    private sealed record Row(
        Guid SourceId, string Provider, string BoardToken, Guid? OrgId, string? OrgName, bool Enabled, DateTime? LastPollAt,
        string? LastOutcome, int ConsecutiveFailures, DateTime? LastSuccessAt, int ActivePostings, DateTime NextPollAt);

    public async Task<SourceRecord?> FindAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            select b.source_id, b.provider, b.board_token, b.org_id, o.name as org_name, b.enabled, b.last_poll_at, b.last_outcome,
                   b.consecutive_failures, b.last_success_at,
                   (select count(*)::int from posting_rows p where p.source_id = b.source_id and p.status = 'active') as active_postings,
                   b.next_poll_at
            from boards b left join orgs o on o.org_id = b.org_id
            where b.source_id = @SourceId
            """, new { SourceId = sourceId }, cancellationToken: cancellationToken));
        return row is null ? null : new SourceRecord(
            row.SourceId, row.Provider, row.BoardToken, row.OrgId, row.OrgName, row.Enabled,
            new SourceRecord.BoardHealth(row.LastPollAt, row.LastOutcome, row.ConsecutiveFailures, row.LastSuccessAt, row.ActivePostings, row.NextPollAt));
    }
}
