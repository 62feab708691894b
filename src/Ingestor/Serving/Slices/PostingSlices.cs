using System.Diagnostics.CodeAnalysis;
using Dapper;
using Ingestor.Providers;
using Ingestor.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Ingestor.Serving.Slices;

/// <summary>
/// Slices of the postings (a company's jobs, a provider's, a city's, …): pages of records read by keyset, and their facets.
/// Read from the view <c>postings</c>, so last-seen times and payloads are the board's for postings in its latest snapshot.
/// <para>
/// Order: newest first by (first_seen_at, job_id). Both are written once, when the posting opens, and never change (a close,
/// an update or a reopen leaves them), and job_id is unique; so a posting keeps its place while the worker writes, and a
/// walk that seeks past the last place served returns every posting that existed when it began exactly once, whatever
/// changed meanwhile. Postings opened during a walk sort before its start and are left to the next walk. Newest first is also
/// what a reader of a list wants, which job_id alone (a hash) would not give.
/// </para>
/// </summary>
public sealed class PostingSlices(NpgsqlDataSource database, ProviderCatalog providers)
{
    public bool TryParsePage(IQueryCollection query, [NotNullWhen(true)] out JobPageRequest? request, [NotNullWhen(false)] out ProblemHttpResult? problem) =>
        JobPageRequest.TryParse(query, providers.Names, out request, out problem);

    public bool TryParseFilter(IQueryCollection query, [NotNullWhen(true)] out JobFilter? filter, [NotNullWhen(false)] out ProblemHttpResult? problem) =>
        JobFilter.TryParse(query, providers.Names, out filter, out problem);

    public async Task<JobPage> PageAsync(JobPageRequest request, CancellationToken cancellationToken)
    {
        var parameters = Parameters(request.Filter);
        parameters.Add("Take", request.Limit + 1);
        var seek = "";
        if (request.After is { } after)
        {
            seek = "and (first_seen_at, job_id) < (@AfterFirstSeenAt, @AfterJobId)";
            parameters.Add("AfterFirstSeenAt", new DateTimeOffset(after.FirstSeenAt, TimeSpan.Zero));
            parameters.Add("AfterJobId", after.JobId);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One row beyond the page tells whether another page follows.
        var rows = (await connection.QueryAsync<PostingRecords.Posting>(new CommandDefinition(
            $"""
            select {PostingRecords.PostingColumns}
            from postings
            where {Where(request.Filter)} {seek}
            order by first_seen_at desc, job_id desc
            limit @Take
            """, parameters, cancellationToken: cancellationToken))).ToList();

        var page = rows.Take(request.Limit).ToList();
        var next = rows.Count > request.Limit ? new JobCursor(page[^1].FirstSeenAt, page[^1].JobId).Encode(request.Filter) : null;
        return new JobPage([.. page.Select(JobRecord.From)], next);
    }

    private sealed record FacetRow(string Facet, string? Value, int Count);

    public async Task<JobFacets> FacetsAsync(JobFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One pass over the slice: each posting counts once in every facet.
        var rows = (await connection.QueryAsync<FacetRow>(new CommandDefinition(
            $"""
            select f.facet, f.value, count(*)::int as count
            from postings
            cross join lateral (values
                ('provider', provider), ('country_code', country_code), ('region', region), ('city', city),
                ('department', department), ('workplace_type', workplace_type), ('employment_type', employment_type)) as f (facet, value)
            where {Where(filter)}
            group by f.facet, f.value
            order by f.facet, count(*) desc, f.value nulls last
            """, Parameters(filter), cancellationToken: cancellationToken))).ToLookup(row => row.Facet);

        IReadOnlyList<JobFacets.Bucket> Facet(string name) => [.. rows[name].Select(row => new JobFacets.Bucket(row.Value, row.Count))];
        // Every posting has a provider, so the provider counts add up to the slice.
        return new JobFacets(
            rows["provider"].Sum(row => row.Count), Facet("provider"), Facet("country_code"), Facet("region"), Facet("city"),
            Facet("department"), Facet("workplace_type"), Facet("employment_type"));
    }

    // A fixed condition for each filter given; the values are bound as parameters, never written into the SQL.
    private static string Where(JobFilter filter) => string.Join(" and ", new[]
    {
        (filter.OrgId is not null, "org_id = @OrgId"),
        (filter.SourceId is not null, "source_id = @SourceId"),
        (filter.Provider is not null, "provider = @Provider"),
        (filter.Status is not null, "status = @Status"),
        (filter.City is not null, "city = @City"),
        (filter.Region is not null, "region = @Region"),
        (filter.CountryCode is not null, "country_code = @CountryCode"),
        (filter.Department is not null, "department = @Department"),
        (filter.Team is not null, "team = @Team"),
        (filter.WorkplaceType is not null, "workplace_type = @WorkplaceType"),
        (filter.EmploymentType is not null, "employment_type = @EmploymentType"),
        (filter.IsRemote is not null, "is_remote = @IsRemote"),
        (filter.SalaryCurrency is not null, "salary_currency = @SalaryCurrency"),
        (filter.SalaryMinAtLeast is not null, "salary_min >= @SalaryMinAtLeast"),
        (filter.PostedAfter is not null, "source_posted_at >= @PostedAfter"),
        (filter.ChangedSince is not null, "last_changed_at >= @ChangedSince"),
        (filter.Q is not null, "(title ilike @Contains or company_name ilike @Contains)"),
    }.Where(condition => condition.Item1).Select(condition => condition.Item2).DefaultIfEmpty("true"));

    private static DynamicParameters Parameters(JobFilter filter)
    {
        var parameters = new DynamicParameters(filter);
        if (filter.Q is not null)
            parameters.Add("Contains", $"%{EscapeLike(filter.Q)}%");
        return parameters;
    }

    // q is text to find, not a pattern: its own % and _ match themselves (backslash is LIKE's escape character).
    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
