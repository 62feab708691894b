using System.Text.Json;
using Ingestor.Normalization;

namespace Ingestor.Storage;

/// <summary>
/// A poll's changed postings (updated, reopened or refreshed) as one array a column, which <see cref="UpdateSql"/> writes in
/// the poll's batch: no round trip of their own and no staging table, whose rows were written, read back and deleted again.
/// A description the row already holds is not sent again (null here), so the row keeps its stored copy untouched.
/// </summary>
internal sealed record ChangedPostingRows(
    string[] ChangedJobIds,
    string?[] ChangedCompanyNames,
    string[] ChangedTitles,
    string?[] ChangedNormalizedTitles,
    string?[] ChangedLocationTexts,
    string?[] ChangedCities,
    string?[] ChangedRegions,
    string?[] ChangedCountries,
    string?[] ChangedCountryCodes,
    bool[] ChangedIsRemote,
    string?[] ChangedWorkplaceTypes,
    string?[] ChangedRemotePolicies,
    string?[] ChangedDepartments,
    string?[] ChangedTeams,
    string?[] ChangedEmploymentTypes,
    string?[] ChangedSalaryRaws,
    decimal?[] ChangedSalaryMins,
    decimal?[] ChangedSalaryMaxes,
    string?[] ChangedSalaryCurrencies,
    string?[] ChangedSalaryPeriods,
    string?[] ChangedSourceUrls,
    string?[] ChangedApplyUrls,
    string?[] ChangedLanguages,
    DateTimeOffset?[] ChangedSourcePostedAts,
    DateTimeOffset?[] ChangedSourceUpdatedAts,
    string[] ChangedContentHashes,
    string[] ChangedSourceHashes,
    string[] ChangedFieldHashes,
    string[] ChangedNatives,
    string[] ChangedParsed,
    string?[] ChangedDescriptionHtmls,
    string?[] ChangedDescriptionTexts,
    string?[] ChangedDescriptionHashes,
    string?[] ChangedRepostFingerprints)
{
    /// <param name="storedDescriptions">The description hash each posting's row holds now; a match leaves the description out.</param>
    public static ChangedPostingRows Of(
        IReadOnlyList<(NormalizedPosting Posting, string? RepostFingerprint)> changed, IReadOnlyDictionary<string, string?> storedDescriptions,
        DateTimeOffset inferredAt)
    {
        var postings = changed.Select(c => c.Posting).ToArray();
        var descriptionHashes = postings.Select(PostingRowsCopy.DescriptionHash).ToArray();
        var sendsDescription = postings.Select((p, i) => !storedDescriptions.TryGetValue(p.JobId, out var stored) || stored != descriptionHashes[i]).ToArray();
        return new(
            [.. postings.Select(p => p.JobId)], [.. postings.Select(p => p.CompanyName)], [.. postings.Select(p => p.Title)],
            [.. postings.Select(p => p.NormalizedTitle)], [.. postings.Select(p => p.LocationText)], [.. postings.Select(p => p.City)],
            [.. postings.Select(p => p.Region)], [.. postings.Select(p => p.Country)], [.. postings.Select(p => p.CountryCode)],
            [.. postings.Select(p => p.IsRemote)], [.. postings.Select(p => p.WorkplaceType)], [.. postings.Select(p => p.RemotePolicy)],
            [.. postings.Select(p => p.Department)], [.. postings.Select(p => p.Team)], [.. postings.Select(p => p.EmploymentType)],
            [.. postings.Select(p => p.SalaryRaw)], [.. postings.Select(p => p.SalaryMin)], [.. postings.Select(p => p.SalaryMax)],
            [.. postings.Select(p => p.SalaryCurrency)], [.. postings.Select(p => p.SalaryPeriod)], [.. postings.Select(p => p.SourceUrl)],
            [.. postings.Select(p => p.ApplyUrl)], [.. postings.Select(p => p.Language)],
            // PostgreSQL is sent instants at offset zero, whatever offset the source gave.
            [.. postings.Select(p => p.SourcePostedAt?.ToUniversalTime())], [.. postings.Select(p => p.SourceUpdatedAt?.ToUniversalTime())],
            [.. postings.Select(p => p.ContentHash)], [.. postings.Select(p => p.SourceHash)],
            [.. postings.Select(p => JsonSerializer.Serialize(p.FieldHashes))], [.. postings.Select(p => p.Native.GetRawText())],
            [.. postings.Select(p => p.ParsedJson(inferredAt))],
            [.. postings.Select((p, i) => sendsDescription[i] ? p.DescriptionHtml : null)],
            [.. postings.Select((p, i) => sendsDescription[i] ? p.DescriptionText : null)],
            descriptionHashes, [.. changed.Select(c => c.RepostFingerprint)]);
    }

    /// <summary>
    /// Writes the changed postings as seen by the poll (@ObservedAt, @RawPayloadUri): active, in the board's latest snapshot,
    /// changed at this poll only when their content is.
    /// </summary>
    public const string UpdateSql =
        """
        update posting_rows p set
            company_name = c.company_name, title = c.title, normalized_title = c.normalized_title,
            status = 'active', inactive_at = null, in_latest_snapshot = true,
            location_text = c.location_text, city = c.city, region = c.region, country = c.country,
            country_code = c.country_code, is_remote = c.is_remote, workplace_type = c.workplace_type,
            remote_policy = c.remote_policy, department = c.department, team = c.team,
            employment_type = c.employment_type, salary_raw = c.salary_raw, salary_min = c.salary_min,
            salary_max = c.salary_max, salary_currency = c.salary_currency, salary_period = c.salary_period,
            source_url = c.source_url, apply_url = c.apply_url, language = c.language,
            last_seen_at = @ObservedAt, last_checked_at = @ObservedAt, raw_payload_uri = @RawPayloadUri,
            last_changed_at = case when p.content_hash = c.content_hash then p.last_changed_at else @ObservedAt end,
            source_posted_at = c.source_posted_at, source_updated_at = c.source_updated_at,
            content_hash = c.content_hash, source_hash = c.source_hash, field_hashes = c.field_hashes, native = c.native, parsed = c.parsed,
            description_html = case when p.description_hash is not distinct from c.description_hash then p.description_html else c.description_html end,
            description_text = case when p.description_hash is not distinct from c.description_hash then p.description_text else c.description_text end,
            description_hash = c.description_hash, repost_fingerprint = c.repost_fingerprint
        from unnest(
            @ChangedJobIds, @ChangedCompanyNames, @ChangedTitles, @ChangedNormalizedTitles, @ChangedLocationTexts, @ChangedCities,
            @ChangedRegions, @ChangedCountries, @ChangedCountryCodes, @ChangedIsRemote, @ChangedWorkplaceTypes, @ChangedRemotePolicies,
            @ChangedDepartments, @ChangedTeams, @ChangedEmploymentTypes, @ChangedSalaryRaws, @ChangedSalaryMins, @ChangedSalaryMaxes,
            @ChangedSalaryCurrencies, @ChangedSalaryPeriods, @ChangedSourceUrls, @ChangedApplyUrls, @ChangedLanguages,
            @ChangedSourcePostedAts, @ChangedSourceUpdatedAts, @ChangedContentHashes, @ChangedSourceHashes,
            @ChangedFieldHashes::jsonb[], @ChangedNatives::jsonb[], @ChangedParsed::jsonb[],
            @ChangedDescriptionHtmls, @ChangedDescriptionTexts, @ChangedDescriptionHashes, @ChangedRepostFingerprints
        ) as c (
            job_id, company_name, title, normalized_title, location_text, city,
            region, country, country_code, is_remote, workplace_type, remote_policy,
            department, team, employment_type, salary_raw, salary_min, salary_max,
            salary_currency, salary_period, source_url, apply_url, language,
            source_posted_at, source_updated_at, content_hash, source_hash,
            field_hashes, native, parsed,
            description_html, description_text, description_hash, repost_fingerprint
        )
        where p.job_id = c.job_id
        """;
}
