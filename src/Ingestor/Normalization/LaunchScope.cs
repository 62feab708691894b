using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Ingestor.Normalization.Locations;

namespace Ingestor.Normalization;

/// <summary>
/// Which postings the product serves at launch: by language and country. Configuration, section <c>LaunchScope</c>; the defaults
/// (English; US and Canada) live in appsettings.json, since a list bound from configuration adds to a list set in code.
/// </summary>
public sealed class LaunchScopeOptions
{
    public const string Section = "LaunchScope";

    [MinLength(1, ErrorMessage = "LaunchScope:Languages needs at least one language")]
    public string[] Languages { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    [MinLength(1, ErrorMessage = "LaunchScope:Countries needs at least one ISO 3166-1 alpha-2 code")]
    public string[] Countries { get; set; } = [];

    /// <summary>The reason recorded for postings in scope.</summary>
    public string IncludedReason { get; set; } = "english_us_canada";
}

public sealed class LaunchScope(LaunchScopeOptions options)
{
    /// <summary>
    /// In scope when the language is one of ours and any place the posting names is in one of our countries;
    /// otherwise the first failing test names the reason: not_english, unknown_location, outside_us_canada.
    /// </summary>
    public JsonObject Evaluate(string? language, ParsedLocation location, JsonObject locationNode)
    {
        var places = new[] { location }.Concat(location.Alternatives).Where(p => p.CountryCode is not null).ToList();
        var reason =
            language is null || !options.Languages.Contains(language, StringComparer.OrdinalIgnoreCase) ? "not_english"
            : places.Count == 0 ? "unknown_location"
            : !places.Any(p => options.Countries.Contains(p.CountryCode, StringComparer.OrdinalIgnoreCase)) ? "outside_us_canada"
            : options.IncludedReason;

        return new JsonObject
        {
            ["reason"] = reason,
            ["included"] = reason == options.IncludedReason,
            ["language"] = language,
            ["countries"] = new JsonArray([.. places.Select(p => p.Country).Distinct().Select(c => JsonValue.Create(c))]),
            ["location"] = locationNode.DeepClone(),
        };
    }
}
