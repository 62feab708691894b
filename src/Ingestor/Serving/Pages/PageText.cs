using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ingestor.Serving.Pages;

/// <summary>
/// How the pages write values: UTC times, salary ranges with their currency and period, places, and a dash for what the
/// posting does not say. Shared by every page, so a list row reads as the record page does.
/// </summary>
internal static class PageText
{
    public const string Missing = "—";

    // The API's names (snake_case); relaxed escaping keeps "’" readable, and Razor HTML-encodes the block anyway.
    private static readonly JsonSerializerOptions IndentedJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Symbols only where one currency owns them; "$" alone would not tell CAD from USD.
    private static readonly Dictionary<string, string> CurrencySymbols = new() { ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£" };

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? Missing : value;

    public static string Time(DateTime? value) =>
        value is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : Missing;

    public static string Date(DateTime? value) =>
        value is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Missing;

    public static string Number(decimal? value) => value is { } number ? number.ToString("#,0.##", CultureInfo.InvariantCulture) : Missing;

    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>Capitalized for reading (boards often spell the company in lower case, as fal's does), as the output record shows it.</summary>
    public static string Capitalized(string? value) =>
        string.IsNullOrWhiteSpace(value) ? Missing : char.ToUpperInvariant(value[0]) + value[1..];

    /// <summary><c>$180,000–$250,000 / year</c>; one bound alone reads as "from" or "up to"; no figures at all, a dash.</summary>
    public static string Salary(decimal? min, decimal? max, string? currency, string? period)
    {
        if (min is null && max is null)
            return Missing;
        var range = (min, max) switch
        {
            ({ } low, { } high) when low == high => Money(low, currency),
            ({ } low, { } high) => $"{Money(low, currency)}–{Money(high, currency)}",
            ({ } low, null) => $"from {Money(low, currency)}",
            _ => $"up to {Money(max!.Value, currency)}",
        };
        return string.IsNullOrWhiteSpace(period) ? range : $"{range} / {period}";
    }

    private static string Money(decimal amount, string? currency) =>
        currency is null ? Number(amount)
        : CurrencySymbols.TryGetValue(currency, out var symbol) ? symbol + Number(amount)
        : $"{currency} {Number(amount)}";

    /// <summary>City, region, country, as far as known; remote said as such.</summary>
    public static string Place(string? city, string? region, string? country, bool isRemote)
    {
        var parts = new[] { city, region, country }.Where(part => !string.IsNullOrWhiteSpace(part)).ToList();
        if (isRemote)
            parts.Add("remote");
        return parts.Count == 0 ? Missing : string.Join(", ", parts);
    }

    /// <summary>Why a posting closed, with its job page's answer when one was asked: "confirmed_gone (job page answered 404)".</summary>
    public static string WhyClosed(string? reason, JsonElement? evidence) =>
        reason is null ? Missing
        : evidence is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("check", out var check)
          && check.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number
            ? $"{reason} (job page answered {status.GetInt32()})"
            : reason;

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, IndentedJson);

    /// <summary>
    /// A link target only for web addresses: a posting's URL comes from the board, and a <c>javascript:</c> one must not
    /// become a link on our page.
    /// </summary>
    public static string? WebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url : null;
}
