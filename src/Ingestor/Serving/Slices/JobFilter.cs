using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ingestor.Serving.Slices;

/// <summary>
/// Which postings a slice holds: every filter given must match (AND), and each is given once (no OR by repetition); a
/// filter left out does not filter. Values match the record's exactly (city=San Francisco, department=Engineering, as the
/// record and the facets spell them), except: country and currency codes are upper-cased; <c>salary_min_at_least</c> keeps
/// postings whose salary_min is at least that (postings without a salary drop out); <c>posted_after</c> and
/// <c>changed_since</c> keep postings whose source_posted_at and last_changed_at are at or after that time; <c>q</c> is a
/// case-insensitive substring of the title or the company name.
/// </summary>
public sealed record JobFilter
{
    public static readonly IReadOnlyList<string> Statuses = ["active", "inactive"];
    public static readonly IReadOnlyList<string> WorkplaceTypes = ["remote", "hybrid", "onsite"];

    public Guid? OrgId { get; init; }
    public Guid? SourceId { get; init; }
    public string? Provider { get; init; }
    public string? Status { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? CountryCode { get; init; }
    public string? Department { get; init; }
    public string? Team { get; init; }
    public string? WorkplaceType { get; init; }
    public string? EmploymentType { get; init; }
    public bool? IsRemote { get; init; }
    public string? SalaryCurrency { get; init; }
    public decimal? SalaryMinAtLeast { get; init; }
    public DateTimeOffset? PostedAfter { get; init; }
    public DateTimeOffset? ChangedSince { get; init; }
    public string? Q { get; init; }

    /// <summary>The filter of a query string that holds filters only (the facets'); any other parameter is refused.</summary>
    public static bool TryParse(
        IQueryCollection query, IEnumerable<string> providers, [NotNullWhen(true)] out JobFilter? filter, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        var parameters = new QueryParameters(query);
        var read = Read(parameters, providers);
        parameters.RefuseUnknown();
        filter = parameters.Problem is null ? read : null;
        problem = parameters.Problem;
        return filter is not null;
    }

    internal static JobFilter Read(QueryParameters query, IEnumerable<string> providers) => new()
    {
        OrgId = query.Uuid("org_id"),
        SourceId = query.Uuid("source_id"),
        Provider = query.OneOf("provider", providers),
        Status = query.OneOf("status", Statuses),
        City = query.Text("city"),
        Region = query.Text("region"),
        CountryCode = query.Code("country_code", 2, "US"),
        Department = query.Text("department"),
        Team = query.Text("team"),
        WorkplaceType = query.OneOf("workplace_type", WorkplaceTypes),
        EmploymentType = query.Text("employment_type"),
        IsRemote = query.Boolean("is_remote"),
        SalaryCurrency = query.Code("salary_currency", 3, "USD"),
        SalaryMinAtLeast = query.Amount("salary_min_at_least"),
        PostedAfter = query.Time("posted_after"),
        ChangedSince = query.Time("changed_since"),
        Q = query.Text("q"),
    };

    /// <summary>
    /// Eight bytes that differ between filters (in practice): a cursor carries them, so a cursor used with other filters is
    /// told apart from one used with its own. Made of the filter's JSON, whose property order and formats are fixed.
    /// </summary>
    public byte[] Fingerprint() => SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this))[..8];
}
