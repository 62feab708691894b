namespace Ingestor.Normalization.Locations;

/// <summary>
/// Where a board's postings are, for names a string alone leaves open: "Georgia" is the US state on a board whose postings
/// are in the US and the country on one hiring in Tbilisi. Read once per snapshot from the board's location strings.
/// </summary>
/// <param name="HomeCountry">The country of at least half of the postings that name one, when enough do to say.</param>
public sealed record BoardPlaces(string? HomeCountry)
{
    // Fewer postings naming a country than this say too little about the board.
    private const int FewestToSay = 3;

    public static BoardPlaces None { get; } = new((string?)null);

    public static BoardPlaces Of(IEnumerable<ParsedLocation> postings)
    {
        var countries = postings.Select(posting => posting.CountryCode).OfType<string>().ToList();
        if (countries.Count < FewestToSay) return None;
        var (country, count) = countries
            .GroupBy(code => code, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Code, StringComparer.Ordinal)
            .First();
        return 2 * count >= countries.Count ? new BoardPlaces(country) : None;
    }
}
