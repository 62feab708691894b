using System.Globalization;

namespace Ingestor.Normalization.Locations;

/// <summary>
/// Cities, subdivisions and countries derived from GeoNames (see Normalization/Data/README.md), indexed by accent- and
/// case-insensitive name and by code. Loaded once from embedded resources; immutable and safe to share.
/// Codes (alpha-2/alpha-3, subdivision codes, city abbreviations such as "NYC") are matched only as written in upper
/// case: in running text "in", "or" and "de" are words, not Indiana, Oregon and Germany.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, List<CityMatch>> citiesByName;
    private readonly Dictionary<string, List<GazetteerCity>> citiesByAbbreviation;
    private readonly Dictionary<string, List<GazetteerSubdivision>> subdivisionsByName;
    private readonly Dictionary<string, List<GazetteerSubdivision>> subdivisionsByCode;
    private readonly Dictionary<string, GazetteerCountry> countriesByName;
    private readonly Dictionary<string, GazetteerCountry> countriesByCode;
    private readonly HashSet<string> areas;
    private readonly Dictionary<string, int> wordsByFirstWord;

    private Gazetteer(GazetteerSource source)
    {
        citiesByName = Freeze(source.CitiesByName, m => -m.Prominence);
        citiesByAbbreviation = Freeze(source.CitiesByAbbreviation, c => -(double)c.Population);
        subdivisionsByName = Freeze(source.SubdivisionsByName, s => -(double)s.Population);
        subdivisionsByCode = Freeze(source.SubdivisionsByCode, s => -(double)s.Population);
        countriesByName = source.CountriesByName;
        countriesByCode = source.CountriesByCode;
        areas = source.Areas;
        wordsByFirstWord = source.WordsByFirstWord;
        CityCount = source.CityCount;
    }

    public int CityCount { get; }

    public static Gazetteer Load() => new(GazetteerSource.ReadEmbedded());

    /// <summary>Cities called <paramref name="name"/> (any accents, case or punctuation), the most likely first.</summary>
    public IReadOnlyList<CityMatch> CitiesNamed(string name) =>
        citiesByName.GetValueOrDefault(PlaceKey.Fold(name)) ?? [];

    /// <summary>Cities known by an upper-case abbreviation or airport code ("NYC", "SF", "SEA"), the largest first.</summary>
    public IReadOnlyList<GazetteerCity> CitiesAbbreviated(string code) =>
        citiesByAbbreviation.GetValueOrDefault(code) ?? [];

    /// <summary>Subdivisions called <paramref name="name"/> in English or a local language, the most populous first.</summary>
    public IReadOnlyList<GazetteerSubdivision> SubdivisionsNamed(string name) =>
        subdivisionsByName.GetValueOrDefault(PlaceKey.Fold(name)) ?? [];

    /// <summary>Subdivisions with the upper-case ISO 3166-2 code <paramref name="code"/> ("CA", "NSW"), in any country.</summary>
    public IReadOnlyList<GazetteerSubdivision> SubdivisionsCoded(string code) =>
        subdivisionsByCode.GetValueOrDefault(code) ?? [];

    /// <summary>The subdivision of a country by code (any case) or name: ("US", "ca"), ("DE", "Bayern").</summary>
    public GazetteerSubdivision? Subdivision(string countryCode, string codeOrName) =>
        SubdivisionsCoded(codeOrName.Trim().ToUpperInvariant()).Concat(SubdivisionsNamed(codeOrName))
            .FirstOrDefault(s => s.CountryCode == countryCode);

    public GazetteerCountry? CountryNamed(string name) => countriesByName.GetValueOrDefault(PlaceKey.Fold(name));

    /// <summary>A country by upper-case alpha-2 or alpha-3 code.</summary>
    public GazetteerCountry? CountryCoded(string code) => countriesByCode.GetValueOrDefault(code);

    /// <summary>A country by name, alias or code in any case: "United States", "USA", "us", "U.S.", "UK", "Deutschland".</summary>
    public GazetteerCountry? Country(string nameOrCode) =>
        CountryNamed(nameOrCode) ?? CountryCoded(LocationText.WithoutAbbreviationDots(nameOrCode.Trim()).ToUpperInvariant());

    /// <summary>English short name of a country code ("United States"), or null when the code is unknown.</summary>
    public string? CountryName(string code) => countriesByCode.GetValueOrDefault(code)?.Name;

    /// <summary>Whether <paramref name="name"/> is a region spanning countries ("EMEA", "North America").</summary>
    public bool IsArea(string name) => areas.Contains(PlaceKey.Fold(name));

    /// <summary>Words in the longest name whose first word (in <see cref="PlaceKey"/> form) is this; 0 when none is.</summary>
    internal int LongestNameStartingWith(string firstWord) => wordsByFirstWord.GetValueOrDefault(firstWord);

    /// <summary>Everything a name already in <see cref="PlaceKey"/> form may mean: one fold per run of words.</summary>
    internal NameMatches Named(string key) => new(
        countriesByName.GetValueOrDefault(key),
        areas.Contains(key),
        subdivisionsByName.GetValueOrDefault(key) ?? [],
        citiesByName.GetValueOrDefault(key) ?? []);

    // Sorted in place: rebuilding dictionaries of some 80,000 names would double the load time.
    private static Dictionary<string, List<T>> Freeze<T>(Dictionary<string, List<T>> index, Func<T, double> order)
    {
        foreach (var values in index.Values)
        {
            if (values.Count < 2) continue;
            var sorted = values.Distinct().OrderBy(order).ToList();
            values.Clear();
            values.AddRange(sorted);
        }
        return index;
    }

    internal static string EnglishCountryName(string code, string fallback)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return fallback;
        }
    }
}
