using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ingestor.Normalization.Fingerprints;

/// <summary>
/// One spelling for a JSON value: object keys in ordinal order, no whitespace, strings re-escaped the same way. Two payloads
/// that differ only in key order, indentation or \u-escaping hash the same.
/// </summary>
public static class CanonicalJson
{
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };

    public static byte[] Serialize(JsonElement value) => Written(value).ToArray();

    public static string Sha256Hex(JsonElement value) => Sha256Hex(Written(value));

    internal static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // Every job of every poll is written out to be hashed: one buffer and writer per thread, reused, spare the allocations.
    [ThreadStatic] private static ArrayBufferWriter<byte>? threadBuffer;
    [ThreadStatic] private static Utf8JsonWriter? threadWriter;

    /// <summary>This thread's writer, emptied, and the buffer it writes into; valid until the next call on the thread.</summary>
    internal static (Utf8JsonWriter Writer, ArrayBufferWriter<byte> Buffer) ThreadWriter()
    {
        var buffer = threadBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        return (writer, buffer);
    }

    private static ReadOnlySpan<byte> Written(JsonElement value)
    {
        var (writer, buffer) = ThreadWriter();
        Write(value, writer);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    private static void Write(JsonElement value, Utf8JsonWriter writer)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                if (!TryWriteAsciiNamed(value, writer))
                    foreach (var (name, property) in InOrdinalOrder(value))
                    {
                        writer.WritePropertyName(name);
                        Write(property, writer);
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
                if (!CanonicalString.TryWrite(JsonMarshal.GetRawUtf8Value(value), writer))
                    writer.WriteStringValue(value.GetString());
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    /// <summary>
    /// Writes an object's members in ordinal order of their names when every name is ASCII without escapes, as nearly every
    /// name is: compared as the bytes sent, which for ASCII is their text's ordinal order, and written from those bytes, which
    /// the writer spells as it would the text. No name is decoded into a string. False, having written nothing, otherwise.
    /// </summary>
    private static bool TryWriteAsciiNamed(JsonElement value, Utf8JsonWriter writer)
    {
        var count = value.GetPropertyCount();
        var properties = ArrayPool<JsonProperty>.Shared.Rent(count);
        try
        {
            var length = 0;
            foreach (var property in value.EnumerateObject())
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(property);
                if (!System.Text.Ascii.IsValid(name) || name.Contains((byte)'\\'))
                    return false;
                var at = length++;
                while (at > 0 && JsonMarshal.GetRawUtf8PropertyName(properties[at - 1]).SequenceCompareTo(name) > 0)
                {
                    properties[at] = properties[at - 1];
                    at--;
                }
                properties[at] = property;
            }
            foreach (var property in properties.AsSpan(0, length))
            {
                writer.WritePropertyName(JsonMarshal.GetRawUtf8PropertyName(property));
                Write(property.Value, writer);
            }
            return true;
        }
        finally
        {
            ArrayPool<JsonProperty>.Shared.Return(properties, clearArray: true);
        }
    }

    // Inserting each after those it does not precede keeps repeated names in their order, as a stable sort would.
    private static List<(string Name, JsonElement Value)> InOrdinalOrder(JsonElement value)
    {
        var properties = new List<(string Name, JsonElement Value)>();
        foreach (var property in value.EnumerateObject())
        {
            var name = property.Name;
            var at = properties.Count;
            while (at > 0 && string.CompareOrdinal(properties[at - 1].Name, name) > 0)
                at--;
            properties.Insert(at, (name, property.Value));
        }
        return properties;
    }
}
