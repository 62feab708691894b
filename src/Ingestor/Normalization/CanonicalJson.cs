using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingestor.Normalization;

/// <summary>
/// One spelling for a JSON value: object keys in ordinal order, no whitespace, strings re-escaped the same way. Two payloads
/// that differ only in key order, indentation or \u-escaping hash the same.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(value, writer);
        return buffer.ToArray();
    }

    public static byte[] Serialize(JsonNode? value) =>
        Serialize(JsonSerializer.SerializeToElement(value));

    public static string Sha256Hex(JsonElement value) => Convert.ToHexStringLower(SHA256.HashData(Serialize(value)));

    public static string Sha256Hex(JsonNode? value) => Convert.ToHexStringLower(SHA256.HashData(Serialize(value)));

    private static void Write(JsonElement value, Utf8JsonWriter writer)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                    Write(item, writer);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
