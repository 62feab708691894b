using System.Globalization;
using System.Text.Json;
using Dapper;
using Ingestor.Normalization;
using Ingestor.Normalization.Locations;
using Ingestor.Providers;
using Npgsql;

namespace Ingestor.Renormalization;

/// <summary>
/// Re-derives stored postings' parsed fields with the current code (<see cref="ParserVersion.Current"/>), from the jobs as
/// sent, a batch at a time in job id order, one transaction a batch. The postings left are those whose <c>parsed</c> names
/// another version, so a run that was stopped continues where it stopped, and a posting already current costs nothing.
/// </summary>
public sealed class Renormalizer(NpgsqlDataSource database, PostingNormalizer normalizer, StoredJobSource jobs, TimeProvider clock)
{
    public const int DefaultBatchSize = 1000;

    /// <summary>How far a run is: postings re-derived (or found unreadable) so far, of those left when it started.</summary>
    public sealed record Progress(int Done, long Left);

    private const string Filter =
        """
        (parsed->>'parser_version') is distinct from @Version
        and (cardinality(@SourceIds) = 0 or source_id = any(@SourceIds))
        """;

    private const string CountSql = $"select count(*) from posting_rows where {Filter}";

    // The split at normalized_title hands the rest of the row to DerivedFields.
    private const string ReadBatchSql =
        $"""
        select job_id, source_id, provider, board_token, source_hash, native::text as native, description_html, description_text,
               normalized_title, city, region, country, country_code, is_remote, workplace_type, remote_policy, department, team,
               employment_type, salary_raw, salary_min, salary_max, salary_currency, salary_period, parsed::text as parsed
        from posting_rows
        where job_id > @After and {Filter}
        order by job_id
        limit @BatchSize
        """;

    // The jobs of a board's latest snapshot: what a live poll reads the board's places from.
    private const string LatestSnapshotSql =
        """
        select job_id, source_id, provider, board_token, source_hash, native::text as native, description_html, description_text
        from posting_rows
        where source_id = @SourceId and in_latest_snapshot
        """;

    /// <param name="sourceIds">The boards whose postings to re-derive; none for every board.</param>
    /// <param name="batches">Stop after this many batches (the rest is left for another run); null for all.</param>
    public async Task<RenormalizationReport> RunAsync(
        IReadOnlyList<Guid> sourceIds, int batchSize, int? batches, Action<Progress> progress, CancellationToken cancellationToken)
    {
        var version = ParserVersion.Current.ToString(CultureInfo.InvariantCulture);
        var report = new RenormalizationReport();
        long left;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            left = await connection.ExecuteScalarAsync<long>(CountSql, new { Version = version, SourceIds = sourceIds.ToArray() });

        var after = "";
        var places = new Dictionary<Guid, BoardPlaces>();
        for (var batch = 0; batches is null || batch < batches; batch++)
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var stored = (await connection.QueryAsync<StoredJob, DerivedFields, (StoredJob Job, DerivedFields Fields)>(
                ReadBatchSql, (job, fields) => (job, fields),
                new { After = after, Version = version, SourceIds = sourceIds.ToArray(), BatchSize = batchSize }, transaction,
                splitOn: "normalized_title")).ToList();
            if (stored.Count == 0)
                break;
            after = stored[^1].Job.JobId;

            var inferredAt = clock.GetUtcNow();
            var rows = new List<RederivedRows.Row>(stored.Count);
            foreach (var (job, before) in stored)
            {
                if (!places.ContainsKey(job.SourceId))
                    places[job.SourceId] = await BoardPlacesAsync(connection, transaction, job.SourceId);
                if (Rederive(job, before, places[job.SourceId], inferredAt, report) is { } row)
                    rows.Add(row);
            }
            await RederivedRows.WriteAsync(connection, transaction, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress(new Progress(report.Rederived + report.Unreadable.Count, left));
        }
        return report;
    }

    /// <summary>
    /// Where the board's postings are, read as a live poll reads it from its snapshot (<see cref="PostingNormalizer.BoardPlacesOf"/>),
    /// from the jobs of its latest snapshot; a job that cannot be read says nothing about it.
    /// </summary>
    private async Task<BoardPlaces> BoardPlacesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid sourceId)
    {
        var listed = await connection.QueryAsync<StoredJob>(LatestSnapshotSql, new { SourceId = sourceId }, transaction);
        return normalizer.BoardPlacesOf(listed.Select(Readable).OfType<SourceJob>());

        SourceJob? Readable(StoredJob job)
        {
            try
            {
                return jobs.Rebuild(job, "{}").Job;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException or FormatException)
            {
                return null;
            }
        }
    }

    private RederivedRows.Row? Rederive(StoredJob job, DerivedFields before, BoardPlaces places, DateTimeOffset inferredAt, RenormalizationReport report)
    {
        try
        {
            var (source, payKeptFromRow) = jobs.Rebuild(job, before.Parsed);
            var posting = normalizer.Normalize(job.Provider, job.BoardToken, source, places);
            var after = DerivedFields.Of(posting, posting.ParsedJson(inferredAt));
            report.Add(DerivedFields.Changed(before, after), payKeptFromRow);
            return new RederivedRows.Row(job.JobId, job.SourceHash, after);
        }
        // A job the current code cannot read keeps what it has, and is named in the report: never skipped silently.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException or FormatException)
        {
            report.AddUnreadable(job.JobId, e.Message);
            return null;
        }
    }
}
