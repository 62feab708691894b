using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingestor.Normalization;
using Ingestor.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace Ingestor.Storage;

/// <summary>What a poll adds to a normalized posting to make its row: whose it is, and when and where it was seen.</summary>
internal sealed record PostingRowContext(Guid OrgId, Guid SourceId, DateTimeOffset ObservedAt, string RawPayloadUri, DateTimeOffset InferredAt);

/// <summary>
/// Writes new posting rows with binary COPY, the cheapest way into PostgreSQL.
/// </summary>
internal static class PostingRowsCopy
{
    private const string Columns =
        """
        job_id, org_id, source_id, provider, board_token, provider_job_key, company_name, title, normalized_title, status,
        location_text, city, region, country, country_code, is_remote, workplace_type, remote_policy, department, team,
        employment_type, salary_raw, salary_min, salary_max, salary_currency, salary_period, source_url, apply_url, language,
        first_seen_at, last_seen_at, last_checked_at, last_changed_at, inactive_at, source_posted_at, source_updated_at,
        raw_payload_uri, content_hash, source_hash, field_hashes, native, description_html, description_text, parsed,
        in_latest_snapshot, description_hash, repost_fingerprint, reposted_from, lineage_id, lineage_first_seen_at
        """;

    /// <summary>Fingerprint of a stored description (HTML and text); null when there is none. Migration 003 computes the same in SQL.</summary>
    public static string? DescriptionHash(NormalizedPosting posting)
    {
        if (posting.DescriptionHtml is null)
            return null;
        // Piece by piece: joining the HTML and the text first copied both once more for every posting written.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { posting.DescriptionHtml, "\u001f", posting.DescriptionText ?? "" })
        {
            var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(part.Length));
            hash.AppendData(utf8, 0, Encoding.UTF8.GetBytes(part, utf8));
            ArrayPool<byte>.Shared.Return(utf8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <param name="reposts">The new postings that repost an earlier one, and their links.</param>
    public static async Task WriteAsync(
        NpgsqlConnection connection, IEnumerable<(NormalizedPosting Posting, string? RepostFingerprint)> postings,
        PostingRowContext context, IReadOnlyDictionary<string, RepostLink> reposts,
        CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"copy posting_rows ({Columns}) from stdin (format binary)", cancellationToken);
        foreach (var (posting, repostFingerprint) in postings)
        {
            await writer.StartRowAsync(cancellationToken);
            await Text(posting.JobId);
            await writer.WriteAsync(context.OrgId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(context.SourceId, NpgsqlDbType.Uuid, cancellationToken);
            foreach (var value in new[]
            {
                posting.Provider, posting.BoardToken, posting.ProviderJobKey, posting.CompanyName, posting.Title, posting.NormalizedTitle, "active",
                posting.LocationText, posting.City, posting.Region, posting.Country, posting.CountryCode,
            })
                await Text(value);
            await writer.WriteAsync(posting.IsRemote, NpgsqlDbType.Boolean, cancellationToken);
            foreach (var value in new[] { posting.WorkplaceType, posting.RemotePolicy, posting.Department, posting.Team, posting.EmploymentType, posting.SalaryRaw })
                await Text(value);
            await Numeric(posting.SalaryMin);
            await Numeric(posting.SalaryMax);
            foreach (var value in new[] { posting.SalaryCurrency, posting.SalaryPeriod, posting.SourceUrl, posting.ApplyUrl, posting.Language })
                await Text(value);
            foreach (var time in new DateTimeOffset?[]
            {
                context.ObservedAt, context.ObservedAt, context.ObservedAt, context.ObservedAt, null, posting.SourcePostedAt, posting.SourceUpdatedAt,
            })
                await Time(time);
            foreach (var value in new[] { context.RawPayloadUri, posting.ContentHash, posting.SourceHash })
                await Text(value);
            await Json(JsonSerializer.Serialize(posting.FieldHashes));
            await Json(posting.Native.GetRawText());
            await Text(posting.DescriptionHtml);
            await Text(posting.DescriptionText);
            await Json(posting.ParsedJson(context.InferredAt));
            await writer.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await Text(DescriptionHash(posting));
            await Text(repostFingerprint);
            var repost = reposts.GetValueOrDefault(posting.JobId);
            await Text(repost?.RepostedFrom);
            await Text(repost?.LineageId);
            await Time(repost?.LineageFirstSeenAt);
        }
        await writer.CompleteAsync(cancellationToken);

        Task Text(string? value) => value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        Task Json(string value) => writer.WriteAsync(value, NpgsqlDbType.Jsonb, cancellationToken);
        Task Numeric(decimal? value) => value is { } number ? writer.WriteAsync(number, NpgsqlDbType.Numeric, cancellationToken) : writer.WriteNullAsync(cancellationToken);
        Task Time(DateTimeOffset? value) =>
            value is { } time ? writer.WriteAsync(time.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken) : writer.WriteNullAsync(cancellationToken);
    }
}
