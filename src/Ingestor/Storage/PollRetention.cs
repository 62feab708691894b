using System.Globalization;
using Dapper;
using Ingestor.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ingestor.Storage;

/// <summary>
/// Deletes the polls older than <see cref="RetentionOptions.Polls"/> that nothing names: most are unchanged boards' one-statement
/// polls. Kept: a poll that wrote an event, that a close names as evidence, that a board's pending closes wait on, or that holds
/// a board's snapshot. Polls are walked oldest first in batches, each one statement and its own transaction.
/// </summary>
public sealed class PollRetention(NpgsqlDataSource database, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public const int BatchSize = 10_000;

    /// <summary>Where a walk stopped: the last poll it examined (the next walk may start after it) and how many it deleted.</summary>
    public sealed record Walk(Guid? LastExamined, long Pruned);

    /// <summary>Polls started before this go, unless something names them.</summary>
    public DateTimeOffset Cutoff => clock.GetUtcNow() - options.Value.Polls;

    /// <summary>
    /// Examines every poll after <paramref name="after"/> (from the oldest when null) that started before <paramref name="before"/>,
    /// and deletes those nothing names. <paramref name="progress"/> hears the running count after each batch.
    /// </summary>
    public async Task<Walk> PruneAsync(DateTimeOffset before, Guid? after, Action<long>? progress, CancellationToken cancellationToken)
    {
        var walk = new Walk(after, 0);
        while (true)
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            var batch = await connection.QuerySingleAsync<(Guid? LastExamined, int Deleted)>(new CommandDefinition(
                PruneSql,
                new { After = walk.LastExamined ?? Guid.Empty, Before = before.UtcDateTime, FirstIdAfter = FirstIdAt(before), BatchSize },
                cancellationToken: cancellationToken));
            if (batch.LastExamined is null)
                return walk;
            walk = new Walk(batch.LastExamined, walk.Pruned + batch.Deleted);
            IngestorTelemetry.PollsPruned.Add(batch.Deleted);
            progress?.Invoke(walk.Pruned);
        }
    }

    /// <summary>
    /// The smallest version 7 UUID made at <paramref name="time"/>'s millisecond. A poll's id is made as it starts, and a
    /// version 7 UUID begins with the milliseconds it was made at, so the primary key walks polls in the order they started
    /// and stops at the cutoff, with no index on <c>started_at</c> to write on every poll.
    /// </summary>
    internal static Guid FirstIdAt(DateTimeOffset time)
    {
        var milliseconds = time.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture);
        return Guid.Parse($"{milliseconds[..8]}-{milliseconds[8..]}-0000-0000-000000000000");
    }

    // The walk's only bound in the index is where it starts, so even a generic plan walks the primary key in order and stops after
    // a batch; the cutoff is applied to what it read. The events' "not exists" are index probes (migration 013); the boards'
    // snapshots and pending closes are read once a batch.
    private const string PruneSql =
        """
        with examined as (
            select poll_id, started_at from polls
            where poll_id > @After
            order by poll_id
            limit @BatchSize
        ), due as (
            select poll_id, started_at from examined where poll_id < @FirstIdAfter
        ), unnamed as (
            select p.poll_id from due p
            where p.started_at < @Before
              and not exists (select from job_events e where e.poll_id = p.poll_id)
              and not exists (select from job_events e where e.evidence is not null and e.evidence -> 'polls' ? p.poll_id::text)
              and not exists (select from boards b where b.snapshot_poll_id = p.poll_id)
              and not exists (select from boards b cross join jsonb_each_text(b.pending_closes) pending where pending.value = p.poll_id::text)
        ), deleted as (
            delete from polls p using unnamed u where p.poll_id = u.poll_id
            returning 1
        )
        select (select poll_id from due order by poll_id desc limit 1) as last_examined, (select count(*)::int from deleted) as deleted
        """;
}
