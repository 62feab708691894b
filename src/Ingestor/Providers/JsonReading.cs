using System.Globalization;
using System.Text.Json;

namespace Ingestor.Providers;

/// <summary>Reads fields that real boards send in more than one shape (numbers as strings, nulls, missing keys) without throwing.</summary>
internal static class JsonReading
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(this JsonElement element, string name) =>
        element.Property(name) is { } value ? AsText(value) : null;

    public static long? Int64(this JsonElement element, string name) =>
        element.Property(name) is { } value ? AsInt64(value) : null;

    public static DateTimeOffset? Timestamp(this JsonElement element, string name) =>
        element.String(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime()
            : null;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static long? AsInt64(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    /// <summary>Scalars as their text, arrays as their items joined by ", "; objects and empty values as null.</summary>
    public static string? AsText(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(AsText).OfType<string>()),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
