using System.Text;
using System.Text.Json;

namespace Ingestor.Normalization.Fingerprints;

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
    /// <summary>The fingerprint of the provider's content fields and the description's text, written in ordinal order of their names.</summary>
    public static ContentFingerprint Of(IReadOnlyList<ContentField> content, string? descriptionText)
    {
        var (writer, buffer) = CanonicalJson.ThreadWriter();
        var fieldHashes = new Dictionary<string, string>();
        var fields = content.Append(ContentField.Of("description", descriptionText)).OrderBy(field => field.Name, StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.Name);
            writer.Flush();
            var start = buffer.WrittenCount;
            if (field.Texts is { } texts)
                WriteStrings(writer, texts);
            else if (field.Named is { } named)
                WriteNamed(writer, named);
            else
                writer.WriteStringValue(WellFormed(field.Text));
            writer.Flush();
            fieldHashes[field.Name] = CanonicalJson.Sha256Hex(buffer.WrittenSpan[start..])[..16];
        }
        writer.WriteEndObject();
        writer.Flush();
        return new ContentFingerprint(CanonicalJson.Sha256Hex(buffer.WrittenSpan), fieldHashes);
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

    /// <summary>Named values by name, in ordinal order; of values sharing a name, the last one.</summary>
    private static void WriteNamed(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, string?>> named)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in named)
            values[name] = value;
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
