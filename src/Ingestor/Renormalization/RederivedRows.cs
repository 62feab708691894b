using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Ingestor.Renormalization;

/// <summary>
/// Writes a batch of re-derived fields back: binary COPY into a temporary table, then one UPDATE of the derived columns and
/// <c>parsed</c>. A row whose job changed since it was read (a poll wrote it, with its own derivation) is left as the poll left it.
/// </summary>
internal static class RederivedRows
{
    public sealed record Row(string JobId, string SourceHash, DerivedFields Fields);

    private const string CreateSql =
        """
        create temp table rederived (
            job_id text, source_hash text, normalized_title text, city text, region text, country text, country_code text,
            is_remote boolean, workplace_type text, remote_policy text, department text, team text, employment_type text,
            salary_raw text, salary_min numeric, salary_max numeric, salary_currency text, salary_period text, parsed jsonb,
            repost_fingerprint text
        ) on commit drop
        """;

    // No event, and content_hash, source_hash, last_changed_at and the description stay: the job as sent did not change.
    private const string UpdateSql =
        """
        update posting_rows p set
            normalized_title = r.normalized_title, city = r.city, region = r.region, country = r.country, country_code = r.country_code,
            is_remote = r.is_remote, workplace_type = r.workplace_type, remote_policy = r.remote_policy, department = r.department,
            team = r.team, employment_type = r.employment_type, salary_raw = r.salary_raw, salary_min = r.salary_min,
            salary_max = r.salary_max, salary_currency = r.salary_currency, salary_period = r.salary_period, parsed = r.parsed,
            repost_fingerprint = r.repost_fingerprint
        from rederived r
        where p.job_id = r.job_id and p.source_hash = r.source_hash
        """;

    public static async Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return 0;
        await connection.ExecuteAsync(CreateSql, transaction: transaction);
        await using (var writer = await connection.BeginBinaryImportAsync("copy rederived from stdin (format binary)", cancellationToken))
        {
            foreach (var (jobId, sourceHash, fields) in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var value in new[] { jobId, sourceHash, fields.NormalizedTitle, fields.City, fields.Region, fields.Country, fields.CountryCode })
                    await Text(value);
                await writer.WriteAsync(fields.IsRemote, NpgsqlDbType.Boolean, cancellationToken);
                foreach (var value in new[] { fields.WorkplaceType, fields.RemotePolicy, fields.Department, fields.Team, fields.EmploymentType, fields.SalaryRaw })
                    await Text(value);
                await Numeric(fields.SalaryMin);
                await Numeric(fields.SalaryMax);
                await Text(fields.SalaryCurrency);
                await Text(fields.SalaryPeriod);
                await writer.WriteAsync(fields.Parsed, NpgsqlDbType.Jsonb, cancellationToken);
                await Text(fields.RepostFingerprint);
            }
            await writer.CompleteAsync(cancellationToken);

            Task Text(string? value) => value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
            Task Numeric(decimal? value) => value is { } number ? writer.WriteAsync(number, NpgsqlDbType.Numeric, cancellationToken) : writer.WriteNullAsync(cancellationToken);
        }
        return await connection.ExecuteAsync(UpdateSql, transaction: transaction);
    }
}
