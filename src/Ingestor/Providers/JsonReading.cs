using System.Globalization;
using System.Text.Json;

namespace Ingestor.Providers;

/// <summary>
/// Reads fields that real boards send in more than one shape (numbers as strings, nulls, missing keys). A scalar of the other
/// kind is read as the value it denotes (an id sent as "42" is 42, a title sent as 42 is "42"); an object or an array where
/// a scalar belongs is no value at all, and throws an <see cref="InvalidOperationException"/> naming the field (as a job
/// that cannot be read does), which makes only its job unreadable.
/// </summary>
internal static class JsonReading
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(this JsonElement element, string name) =>
        element.Property(name) is { } value ? AsText(Scalar(value, name, "text")) : null;

    public static long? Int64(this JsonElement element, string name) =>
        element.Property(name) is { } value ? AsInt64(Scalar(value, name, "a number")) : null;

    private static JsonElement Scalar(JsonElement value, string name, string expected) =>
        value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? throw new InvalidOperationException($"its {name} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, where {expected} belongs")
            : value;

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
