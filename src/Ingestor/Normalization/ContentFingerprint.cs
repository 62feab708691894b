using System.Text;
using System.Text.Json;
using Ingestor.Greenhouse;

namespace Ingestor.Normalization;

/// <summary>
/// What a reader of a posting sees, field by field, hashed. Built from the source's own values (decoded, canonical),
/// not from our parsed fields, so a better parser never makes an unchanged posting look changed; volatile fields
/// (<c>updated_at</c>, internal ids, compliance blocks) are left out so a re-sent posting is never a change.
/// </summary>
/// <remarks>
/// The hashes are of <see cref="CanonicalJson"/>: each field's value, and the object of all of them. The object is written
/// once, straight from the job, and each field hashed from its part of it.
/// </remarks>
public sealed record ContentFingerprint(string ContentHash, IReadOnlyDictionary<string, string> FieldHashes)
{
    public static ContentFingerprint Of(GreenhouseJob job, string? descriptionText)
    {
        var (writer, buffer) = CanonicalJson.ThreadWriter();
        var fieldHashes = new Dictionary<string, string>();
        // In the ordinal order of their names, as the canonical object lists them.
        writer.WriteStartObject();
        Field("compensation", () => WriteStrings(writer, job.PayRanges.Select(r => $"{r.MinCents}-{r.MaxCents} {r.Currency} {r.Title}")));
        Field("departments", () => WriteStrings(writer, job.Departments.Select(d => d.Name)));
        Field("description", () => writer.WriteStringValue(WellFormed(descriptionText)));
        Field("language", () => writer.WriteStringValue(WellFormed(job.Language)));
        Field("location", () => writer.WriteStringValue(WellFormed(job.LocationName?.Trim())));
        Field("metadata", () => WriteMetadata(writer, job.Metadata));
        Field("offices", () => WriteStrings(writer, job.Offices.Select(o => $"{o.Name} | {o.Location}")));
        Field("title", () => writer.WriteStringValue(WellFormed(job.Title.Trim())));
        Field("url", () => writer.WriteStringValue(WellFormed(job.AbsoluteUrl)));
        writer.WriteEndObject();
        writer.Flush();
        return new ContentFingerprint(CanonicalJson.Sha256Hex(buffer.WrittenSpan), fieldHashes);

        void Field(string name, Action writeValue)
        {
            writer.WritePropertyName(name);
            writer.Flush();
            var start = buffer.WrittenCount;
            writeValue();
            writer.Flush();
            fieldHashes[name] = CanonicalJson.Sha256Hex(buffer.WrittenSpan[start..])[..16];
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
            writer.WriteStringValue(WellFormed(value));
        writer.WriteEndArray();
    }

    // The fingerprint once went through a JSON document, which turned a lone surrogate into U+FFFD; so does this.
    private static string? WellFormed(string? text) =>
        text is null || text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>Custom fields by name, in ordinal order; of fields sharing a name, the last one's value.</summary>
    private static void WriteMetadata(Utf8JsonWriter writer, IReadOnlyList<GreenhouseMetadata> metadata)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in metadata)
            values[field.Name] = field.Value;
        writer.WriteStartObject();
        var ordered = values.Select(field => (Name: WellFormed(field.Key)!, Value: WellFormed(field.Value))).OrderBy(field => field.Name, StringComparer.Ordinal);
        foreach (var (name, value) in ordered)
        {
            writer.WritePropertyName(name);
            writer.WriteStringValue(value);
        }
        writer.WriteEndObject();
    }
}
