using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>Reads postings back as complete records: the row, its native object and parsed fields, and its events oldest first.</summary>
public sealed class PostingRecords(NpgsqlDataSource database)
{
    public async Task<JsonObject?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var record = await connection.QuerySingleOrDefaultAsync<string>(
            """
            select json_build_object(
                'posting', row_to_json(p),
                'events', (select coalesce(json_agg(row_to_json(e) order by e.occurred_at, e.event_id), '[]')
                           from job_events e where e.job_id = p.job_id))::text
            from postings p where p.job_id = @JobId
            """, new { JobId = jobId.Trim().ToLowerInvariant() });
        return record is null ? null : JsonNode.Parse(record)!.AsObject();
    }

    public sealed record Totals(int Boards, int Active, int Inactive, int Events);

    public async Task<Totals> TotalsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<Totals>(
            """
            select (select count(*)::int from boards) as boards,
                   (select count(*)::int from postings where status = 'active') as active,
                   (select count(*)::int from postings where status = 'inactive') as inactive,
                   (select count(*)::int from job_events) as events
            """);
    }
}
