using System.Text.Json.Nodes;
using Ingestor.Normalization;

namespace Ingestor.Renormalization;

/// <summary>
/// The columns of <c>posting_rows</c> that normalization derives, and <c>parsed</c> as JSON text: what a re-derivation
/// rewrites. Everything else (the job as sent, its description, its hashes, its times) is a fact of the poll and stays.
/// </summary>
public sealed record DerivedFields
{
    /// <summary>The fields a re-derivation reports on, in the order its report lists them.</summary>
    public static readonly IReadOnlyList<string> Reported =
        ["location", "salary", "employment_type", "workplace_type", "title", "launch_scope", "department", "team"];

    public string? NormalizedTitle { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? Country { get; init; }
    public string? CountryCode { get; init; }
    public bool IsRemote { get; init; }
    public string? WorkplaceType { get; init; }
    public string? RemotePolicy { get; init; }
    public string? Department { get; init; }
    public string? Team { get; init; }
    public string? EmploymentType { get; init; }
    public string? SalaryRaw { get; init; }
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public string? SalaryCurrency { get; init; }
    public string? SalaryPeriod { get; init; }
    public required string Parsed { get; init; }
    public string? RepostFingerprint { get; init; }

    public static DerivedFields Of(NormalizedPosting posting, string parsed) => new()
    {
        NormalizedTitle = posting.NormalizedTitle,
        City = posting.City,
        Region = posting.Region,
        Country = posting.Country,
        CountryCode = posting.CountryCode,
        IsRemote = posting.IsRemote,
        WorkplaceType = posting.WorkplaceType,
        RemotePolicy = posting.RemotePolicy,
        Department = posting.Department,
        Team = posting.Team,
        EmploymentType = posting.EmploymentType,
        SalaryRaw = posting.SalaryRaw,
        SalaryMin = posting.SalaryMin,
        SalaryMax = posting.SalaryMax,
        SalaryCurrency = posting.SalaryCurrency,
        SalaryPeriod = posting.SalaryPeriod,
        Parsed = parsed,
        RepostFingerprint = Normalization.Fingerprints.RepostFingerprint.Of(posting),
    };

    /// <summary>Which of <see cref="Reported"/> differ between what a posting held and what the current code derives.</summary>
    public static IReadOnlyList<string> Changed(DerivedFields before, DerivedFields after)
    {
        var was = JsonNode.Parse(before.Parsed) as JsonObject ?? [];
        var now = JsonNode.Parse(after.Parsed)!.AsObject();
        bool Same(string key) => JsonNode.DeepEquals(was[key], now[key]);

        var changed = new List<string>();
        if ((before.City, before.Region, before.Country, before.CountryCode, before.IsRemote, before.RemotePolicy)
            != (after.City, after.Region, after.Country, after.CountryCode, after.IsRemote, after.RemotePolicy)
            || !Same("location") || !Same("locations"))
            changed.Add("location");
        if ((before.SalaryRaw, before.SalaryMin, before.SalaryMax, before.SalaryCurrency, before.SalaryPeriod)
            != (after.SalaryRaw, after.SalaryMin, after.SalaryMax, after.SalaryCurrency, after.SalaryPeriod)
            || !Same("salaries"))
            changed.Add("salary");
        if (before.EmploymentType != after.EmploymentType)
            changed.Add("employment_type");
        if (before.WorkplaceType != after.WorkplaceType)
            changed.Add("workplace_type");
        if (before.NormalizedTitle != after.NormalizedTitle || !Same("title"))
            changed.Add("title");
        if (!Same("launch_scope"))
            changed.Add("launch_scope");
        if (before.Department != after.Department)
            changed.Add("department");
        if (before.Team != after.Team)
            changed.Add("team");
        return changed;
    }
}
