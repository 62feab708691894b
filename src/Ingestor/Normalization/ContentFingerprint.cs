using System.Text.Json.Nodes;
using Ingestor.Greenhouse;

namespace Ingestor.Normalization;

/// <summary>
/// What a reader of a posting sees, field by field, hashed. Built from the source's own values (decoded, canonical),
/// not from our parsed fields, so a better parser never makes an unchanged posting look changed; volatile fields
/// (<c>updated_at</c>, internal ids, compliance blocks) are left out so a re-sent posting is never a change.
/// </summary>
public sealed record ContentFingerprint(string ContentHash, IReadOnlyDictionary<string, string> FieldHashes)
{
    public static ContentFingerprint Of(GreenhouseJob job, string? descriptionText)
    {
        var fields = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["title"] = job.Title.Trim(),
            ["location"] = job.LocationName?.Trim(),
            ["description"] = descriptionText,
            ["departments"] = new JsonArray([.. job.Departments.Select(d => JsonValue.Create(d.Name))]),
            ["offices"] = new JsonArray([.. job.Offices.Select(o => JsonValue.Create($"{o.Name} | {o.Location}"))]),
            ["compensation"] = new JsonArray([.. job.PayRanges.Select(r => JsonValue.Create($"{r.MinCents}-{r.MaxCents} {r.Currency} {r.Title}"))]),
            ["metadata"] = new JsonObject(job.Metadata
                .GroupBy(m => m.Name, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Last().Value))),
            ["url"] = job.AbsoluteUrl,
            ["language"] = job.Language,
        };

        var fieldHashes = fields.ToDictionary(f => f.Key, f => CanonicalJson.Sha256Hex(f.Value)[..16]);
        var all = new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        return new ContentFingerprint(CanonicalJson.Sha256Hex(all), fieldHashes);
    }
}
