using System.Text.Json;

namespace Ingestor.Serving.Pages;

/// <summary>
/// The full job record as a table: every plain field of <see cref="JobRecord"/> in the API's order, labelled from its API
/// name (job_id reads "Job ID"), so the table and <c>GET /job-postings/v1/jobs/{job_id}</c> cannot drift apart in naming.
/// </summary>
internal static class JobRecordRows
{
    private static readonly HashSet<string> Acronyms = ["id", "url", "uri"];

    public static IReadOnlyList<FieldRow> Of(JobRecord job) =>
    [
        Row(nameof(job.JobId), job.JobId),
        Row(nameof(job.OrgId), job.OrgId.ToString()),
        Row(nameof(job.SourceId), job.SourceId.ToString()),
        Row(nameof(job.BoardId), job.BoardId.ToString()),
        Row(nameof(job.Provider), job.Provider),
        Row(nameof(job.ProviderJobKey), job.ProviderJobKey),
        Row(nameof(job.CompanyName), job.CompanyName),
        Row(nameof(job.Title), job.Title),
        Row(nameof(job.NormalizedTitle), job.NormalizedTitle),
        Row(nameof(job.Status), job.Status),
        Row(nameof(job.Active), PageText.YesNo(job.Active)),
        Row(nameof(job.LocationText), job.LocationText),
        Row(nameof(job.City), job.City),
        Row(nameof(job.Region), job.Region),
        Row(nameof(job.Country), job.Country),
        Row(nameof(job.CountryCode), job.CountryCode),
        Row(nameof(job.IsRemote), PageText.YesNo(job.IsRemote)),
        Row(nameof(job.WorkplaceType), job.WorkplaceType),
        Row(nameof(job.RemotePolicy), job.RemotePolicy),
        Row(nameof(job.Department), job.Department),
        Row(nameof(job.Team), job.Team),
        Row(nameof(job.EmploymentType), job.EmploymentType),
        Row(nameof(job.SalaryRaw), job.SalaryRaw),
        Row(nameof(job.SalaryMin), PageText.Number(job.SalaryMin)),
        Row(nameof(job.SalaryMax), PageText.Number(job.SalaryMax)),
        Row(nameof(job.SalaryCurrency), job.SalaryCurrency),
        Row(nameof(job.SalaryPeriod), job.SalaryPeriod),
        Row(nameof(job.SourceUrl), job.SourceUrl, PageText.WebAddress(job.SourceUrl)),
        Row(nameof(job.ApplyUrl), job.ApplyUrl, PageText.WebAddress(job.ApplyUrl)),
        Row(nameof(job.Language), job.Language),
        Row(nameof(job.FirstSeenAt), PageText.Time(job.FirstSeenAt)),
        Row(nameof(job.LastSeenAt), PageText.Time(job.LastSeenAt)),
        Row(nameof(job.LastCheckedAt), PageText.Time(job.LastCheckedAt)),
        Row(nameof(job.LastChangedAt), PageText.Time(job.LastChangedAt)),
        Row(nameof(job.InactiveAt), PageText.Time(job.InactiveAt)),
        Row(nameof(job.SourcePostedAt), PageText.Time(job.SourcePostedAt)),
        Row(nameof(job.SourceUpdatedAt), PageText.Time(job.SourceUpdatedAt)),
        Row(nameof(job.RawPayloadUri), job.RawPayloadUri),
    ];

    private static FieldRow Row(string property, string? text, string? href = null)
    {
        var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(property);
        var label = string.Join(' ', field.Split('_').Select(word => Acronyms.Contains(word) ? word.ToUpperInvariant() : char.ToUpperInvariant(word[0]) + word[1..]));
        return new FieldRow(label, PageText.Text(text), href, field);
    }
}
