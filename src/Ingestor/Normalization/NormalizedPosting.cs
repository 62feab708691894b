using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingestor.Normalization;

/// <summary>
/// A posting as a reader sees it, with the fingerprints that tell a change from a re-send. Property names map one to one,
/// in snake_case, onto the columns of <c>postings</c>; the poll supplies the rest (ids, status, timestamps, payload URI).
/// </summary>
public sealed record NormalizedPosting(
    string JobId,
    string Provider,
    string BoardToken,
    string ProviderJobKey,
    string? CompanyName,
    string Title,
    string? NormalizedTitle,
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
    DateTimeOffset? SourcePostedAt,
    DateTimeOffset? SourceUpdatedAt,
    string ContentHash,
    string SourceHash,
    IReadOnlyDictionary<string, string> FieldHashes,
    JsonElement Native,
    string? DescriptionHtml,
    string? DescriptionText,
    JsonObject Parsed);
