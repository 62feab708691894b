using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Titles;

/// <summary>
/// Title parts that say nothing about the role itself: gender markers, requisition ids, where and how the job is held.
/// Places are a small closed set of region names and codes, plus whatever place names the caller knows from the posting's
/// own location (so "- London" goes when the posting is in London, without a gazetteer here).
/// </summary>
internal static partial class TitleNoise
{
    public static bool IsNoise(string part, IReadOnlyCollection<string> placeNames) =>
        GenderMarker().IsMatch(part)
        || RequisitionId().IsMatch(part)
        || WorkplaceTypes.FromMarker(part) is not null
        || EmploymentTypes.IsMarker(part)
        || IsPlaceList(part, placeNames);

    /// <summary>A gender marker or requisition id written without brackets at the end: "Backend-Entwickler m/w/d", "Engineer JR-2024-01".</summary>
    public static string WithoutBareTrailingNoise(string title) => BareTrailingNoise().Replace(title, "").TrimEnd();

    // "EMEA", "UK & Ireland", "SEA/GCN", "APAC and Greater China": every listed place must be known.
    static bool IsPlaceList(string part, IReadOnlyCollection<string> placeNames) =>
        PlaceListSeparator().Split(part.Trim()).Where(place => place.Length > 0).ToList() is { Count: > 0 } places
        && places.All(place => RegionCode().IsMatch(place) || RegionName().IsMatch(place)
                               || placeNames.Contains(place, StringComparer.OrdinalIgnoreCase));

    // (m/w/d), (w/m/d), (f/m/x), (m/f/d), (H/F), (m/w/div), (all genders), (alle Geschlechter), (gn*)
    [GeneratedRegex(@"^\s*(?:(?:[mwfdxhi]|div|divers|nb)(?:\s*[/|,]\s*(?:[mwfdxhi]|div|divers|nb)){1,3}|all\s+genders?|alle\s+geschlechter|gn\*?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GenderMarker();

    // (R12345), [JR-2024-01], (Req #1234), (Job ID: 778899), (P-400297), (#123456). Not a year "(2026)" and not a
    // level "(L5)": a bare number needs five digits, letters need three digits after them.
    [GeneratedRegex(@"^\s*(?:(?:req(?:uisition)?|job|ref|id)\.?\s*(?:id|no\.?|number)?\s*[#:]?\s*(?:[a-z]{1,4}[-_]?)?\d{3,}|[a-z]{1,4}[-_]?\d{3,}|#?\d{5,})(?:[-_]\d+)*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RequisitionId();

    [GeneratedRegex(@"\s+(?:(?i:[mwfd](?:\s*/\s*(?:[mwfdx]|div)){2})|[A-Z]{1,4}[-_]?\d{4,}(?:[-_]\d+)*)$")]
    private static partial Regex BareTrailingNoise();

    [GeneratedRegex(@"\s*(?:[/&,+]|\band\b|\bor\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceListSeparator();

    // Codes only as capitals: "NA" is North America, "Na" is not; "SEA" is South-East Asia, "Sea" is not.
    [GeneratedRegex(@"^(?:US|USA|U\.S\.|UK|U\.K\.|EU|NA|NAM|NAMER|NORAM|AMER|AMS|LATAM|EMEA|APAC|APJ|JAPAC|UKI|DACH|ANZ|AUNZ|CEE|MENA|SEA|GCN)$")]
    private static partial Regex RegionCode();

    [GeneratedRegex(@"^(?:americas|europe|asia|africa|asia[-\s]pacific|(?:north|south|latin|central)\s+america|latam|middle\s+east|south[-\s]?east\s+asia|(?:northern|southern|western|eastern|central)\s+europe|nordics|benelux|iberia|greater\s+china)$", RegexOptions.IgnoreCase)]
    private static partial Regex RegionName();
}
