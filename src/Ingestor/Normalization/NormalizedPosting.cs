using System.Buffers;
using System.Text;
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
    JsonObject Parsed)
{
    /// <summary>
    /// <see cref="Parsed"/> as stored, stamped with when it was inferred: written from the object as it is, which postings
    /// share, not from a deep copy made to be stamped, which every row written paid for.
    /// </summary>
    public string ParsedJson(DateTimeOffset inferredAt)
    {
        var json = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Parsed)
            {
                writer.WritePropertyName(name);
                if (name == "inferred_at")
                    writer.WriteStringValue(inferredAt);
                else if (value is null)
                    writer.WriteNullValue();
                else
                    value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(json.WrittenSpan);
    }
}
