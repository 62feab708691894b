namespace Ingestor.Normalization.Locations;

/// <summary>A GeoNames city. <see cref="Region"/> is its ISO 3166-2 subdivision code without the country prefix.</summary>
public sealed record GazetteerCity(string Name, string CountryCode, string? Region, int Population, bool IsCapital);

/// <summary>An ISO 3166-2 subdivision; <see cref="Population"/> is the sum over the gazetteer's cities in it.</summary>
public sealed record GazetteerSubdivision(string CountryCode, string Code, string Name, long Population);

/// <summary>An ISO 3166-1 country; <see cref="Name"/> is its English short name.</summary>
public sealed record GazetteerCountry(string Code, string Alpha3, string Name);

/// <summary>
/// A city found by a name. A city's own name says more than one of its many alternate names ("Rome" is also an
/// old name of Washington, D.C.), so <see cref="Prominence"/> weighs own-name matches fifty times their population:
/// enough to keep Rome in Italy, too little to let a village called "New York" beat the city.
/// </summary>
public readonly record struct CityMatch(GazetteerCity City, bool ByOwnName)
{
    public double Prominence => City.Population * (ByOwnName ? 50.0 : 1.0);
}

internal readonly record struct NameMatches(
    GazetteerCountry? Country,
    bool IsArea,
    IReadOnlyList<GazetteerSubdivision> Subdivisions,
    IReadOnlyList<CityMatch> Cities)
{
    public bool Any => Country is not null || IsArea || Subdivisions.Count > 0 || Cities.Count > 0;
}
