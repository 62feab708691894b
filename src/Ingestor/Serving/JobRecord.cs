using System.Text.Json;
using System.Text.Json.Nodes;
using Ingestor.Storage;

namespace Ingestor.Serving;

/// <summary>
/// A posting as <c>GET /job-postings/v1/jobs/{job_id}</c> serves it: the output record's fields in its order, then its event
/// fields, parsed structure, extensions and native structure. Times are UTC. The board is the source: <c>board_id</c> is
/// <c>source_id</c>, as in the output record.
/// </summary>
public sealed record JobRecord(
    string JobId,
    Guid OrgId,
    Guid SourceId,
    Guid BoardId,
    string Provider,
    string ProviderJobKey,
    string? CompanyName,
    string Title,
    string? NormalizedTitle,
    string Status,
    bool Active,
    string? LocationText,
    string? City,
    string? Region,
    string? Country,
    string? CountryCode,
    bool IsRemote,
    string? WorkplaceType,
    string? RemotePolicy,
    string? Department,
    string? Team,
    string? EmploymentType,
    string? SalaryRaw,
    decimal? SalaryMin,
    decimal? SalaryMax,
    string? SalaryCurrency,
    string? SalaryPeriod,
    string? SourceUrl,
    string? ApplyUrl,
    string? Language,
    DateTime FirstSeenAt,
    DateTime LastSeenAt,
    DateTime LastCheckedAt,
    DateTime LastChangedAt,
    DateTime? InactiveAt,
    DateTime? SourcePostedAt,
    DateTime? SourceUpdatedAt,
    string RawPayloadUri,
    JobRecord.Fingerprint EventFields,
    JsonElement Parsed,
    JsonObject Extensions,
    JsonElement Native)
{
    /// <summary>What each lifecycle event carries: the posting's hashes, when it last changed, and whether it is active.</summary>
    public sealed record Fingerprint(string ContentHash, string SourceHash, DateTime LastChangedAt, string ActiveStatus);

    public static JobRecord From(PostingRecords.Posting p) => new(
        p.JobId, p.OrgId, p.SourceId, p.SourceId, p.Provider, p.ProviderJobKey, p.CompanyName, p.Title, p.NormalizedTitle,
        p.Status, p.Status == "active", p.LocationText, p.City, p.Region, p.Country, p.CountryCode, p.IsRemote, p.WorkplaceType,
        p.RemotePolicy, p.Department, p.Team, p.EmploymentType, p.SalaryRaw, p.SalaryMin, p.SalaryMax, p.SalaryCurrency,
        p.SalaryPeriod, p.SourceUrl, p.ApplyUrl, p.Language, p.FirstSeenAt, p.LastSeenAt, p.LastCheckedAt, p.LastChangedAt,
        p.InactiveAt, p.SourcePostedAt, p.SourceUpdatedAt, p.RawPayloadUri,
        new Fingerprint(p.ContentHash, p.SourceHash, p.LastChangedAt, p.Status),
        JsonElement.Parse(p.Parsed), Lineage(p), JsonElement.Parse(p.Native));

    /// <summary>The job's line across the ids it was posted under: the posting this one reposts, and the first of the line.</summary>
    private static JsonObject Lineage(PostingRecords.Posting p) => new()
    {
        ["lineage"] = new JsonObject
        {
            ["reposted_from"] = p.RepostedFrom, ["lineage_id"] = p.LineageId, ["lineage_first_seen_at"] = p.LineageFirstSeenAt,
        },
    };
}
