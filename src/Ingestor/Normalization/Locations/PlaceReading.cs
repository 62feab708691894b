namespace Ingestor.Normalization.Locations;

/// <summary>
/// One thing a run of words may name. <see cref="Weight"/> says how likely this meaning is next to the run's other
/// meanings; a reading's score is the product over its pieces, so only readings of the same pieces are compared.
/// </summary>
internal sealed record Meaning(
    double Weight,
    GazetteerCity? City = null,
    GazetteerSubdivision? Subdivision = null,
    GazetteerCountry? Country = null,
    bool IsArea = false,
    string? UnlistedCity = null);

/// <summary>
/// One way to read the pieces of a place: the city, subdivision and country they named, kept only while they agree
/// ("Cambridge" + "MA" leaves the Massachusetts city; "Cambridge" + "UK" the English one).
/// </summary>
internal sealed record Reading(
    double Score,
    GazetteerCity? City = null,
    string? UnlistedCity = null,
    GazetteerSubdivision? Subdivision = null,
    GazetteerCountry? Country = null,
    bool IsArea = false)
{
    public static Reading Nothing { get; } = new(1.0);

    public string? CountryCode => City?.CountryCode ?? Subdivision?.CountryCode ?? Country?.Code;

    public string? Region => City?.Region ?? Subdivision?.Code;

    public bool HasCity => City is not null || UnlistedCity is not null;

    public bool IsEmpty => !HasCity && Subdivision is null && Country is null && !IsArea;

    /// <summary>This reading with <paramref name="meaning"/> added, or null when they contradict each other.</summary>
    public Reading? With(Meaning meaning)
    {
        var score = Score * meaning.Weight;
        // A city comes before its region ("Austin, TX"); one after a region is another place ("SF, Chi" is not
        // the town of Chi in São Filipe, Cape Verde). Only a country may come first ("US-Chicago", "India, Bangalore").
        if (meaning.City is { } city)
            return !HasCity && !IsArea && Subdivision is null && Agrees(city.CountryCode)
                ? this with { Score = score, City = city }
                : null;
        if (meaning.UnlistedCity is { } name)
            return !HasCity && !IsArea ? this with { Score = score, UnlistedCity = name } : null;
        if (meaning.Subdivision is { } subdivision)
            return (Subdivision is null || Subdivision == subdivision) && !IsArea && Agrees(subdivision.CountryCode)
                   && (City is null || City.Region == subdivision.Code)
                ? this with { Score = score, Subdivision = subdivision }
                : null;
        // An area beside a country is a part of it or a scope around it: "US-West Coast" and "EMEA - UK" are the country.
        if (meaning.Country is { } country)
            return (Country is null || Country == country) && Agrees(country.Code)
                ? this with { Score = score, Country = country, IsArea = false }
                : null;
        if (IsEmpty) return this with { Score = score, IsArea = true };
        return City is null && Subdivision is null && UnlistedCity is null ? this with { Score = score } : null;
    }

    /// <summary>Whether the two put the job in different places; a reading that only refines the other does not.</summary>
    public bool Contradicts(Reading other) =>
        Differ(CountryCode, other.CountryCode) || Differ(Region, other.Region) || Differ(CityName, other.CityName);

    private string? CityName => City?.Name ?? UnlistedCity;

    private static bool Differ(string? one, string? other) => one is not null && other is not null && one != other;

    private bool Agrees(string countryCode) => CountryCode is null || CountryCode == countryCode;
}
