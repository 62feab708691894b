namespace Ingestor.Normalization.Locations;

/// <summary>A run of words of one part: a workplace word, a name with its possible meanings, or words not understood.</summary>
internal sealed record Piece(int Part, int Start, int End, IReadOnlyList<Meaning> Meanings, Workplace Workplace = Workplace.Unstated)
{
    public bool IsUnknown => Meanings.Count == 0 && Workplace == Workplace.Unstated;
}

/// <summary>
/// Reads the words of a list item into pieces, longest name first ("South San Francisco" before "San Francisco"),
/// and weighs each name's meanings against each other:
/// a country name 1.0, an alpha-3 code 0.95, an alpha-2 code 0.85 (so "LA" is Los Angeles rather than Laos);
/// an upper-case city abbreviation 0.9 and a city name 0.8, scaled by prominence among same-named cities;
/// a subdivision name 0.9 and code 0.8 (0.4 when the code also names a country), scaled by population. When a name is
/// both a city and a subdivision, the subdivision's weight is roughly halved if the city holds at least a twentieth of
/// its people, the city's otherwise ("New York", "Washington" are the cities; "Ontario", "California" the
/// subdivisions). A capital named like its country (Singapore, Luxembourg) weighs 1.05, above the country.
/// </summary>
internal sealed class PlaceNameReader(Gazetteer gazetteer)
{
    private const int LongestName = 6;
    private const double UnlistedCityWeight = 0.3;
    private const double CityShareOfSubdivision = 0.05;
    private const double YieldFactor = 0.55;
    private const int LargeCity = 100_000;

    public IReadOnlyList<Piece> Read(string item, IReadOnlyList<Token> tokens)
    {
        var taken = new List<Piece>();
        for (var first = 0; first < tokens.Count;)
            first += Take(tokens, first, taken);
        var pieces = MergeUnknownRuns(taken.Select(p => taken.Any(o => o.Part == p.Part && o.IsUnknown) ? BesideUnknownWords(p) : p));
        return pieces.Select(p => p.IsUnknown ? AsUnlistedCity(item, p, pieces) : p).ToList();
    }

    public bool IsName(string text) => gazetteer.Named(PlaceKey.Fold(text)) is { Any: true, IsArea: false };

    private int Take(IReadOnlyList<Token> tokens, int first, List<Piece> pieces)
    {
        var part = tokens[first].Part;
        var firstWord = PlaceKey.Fold(tokens[first].Text).Split(' ')[0];
        var longest = Math.Clamp(Math.Max(gazetteer.LongestNameStartingWith(firstWord),
            LocationVocabulary.LongestPhraseStartingWith(firstWord)), 1, LongestName);
        var last = first;
        while (last + 1 < tokens.Count && tokens[last + 1].Part == part && last + 1 - first < longest) last++;

        for (var end = last; end >= first; end--)
        {
            var span = tokens.Skip(first).Take(end - first + 1).ToList();
            var text = string.Join(' ', span.Select(t => t.Text));
            var key = PlaceKey.Fold(text);
            var (start, stop) = (span[0].Start, span[^1].End);
            if (LocationVocabulary.WorkplaceOf(key) is not Workplace.Unstated and var workplace)
            {
                pieces.Add(new Piece(part, start, stop, [], workplace));
                return span.Count;
            }
            if (span.Count == 1 && LocationVocabulary.IsFiller(key) && !IsKnownCode(text)) return 1;
            var meanings = Meanings(key, span.Count == 1 ? LocationText.WithoutAbbreviationDots(text) : null);
            if (meanings.Count > 0)
            {
                pieces.Add(new Piece(part, start, stop, meanings));
                return span.Count;
            }
        }

        pieces.Add(new Piece(part, tokens[first].Start, tokens[first].End, []));
        return 1;
    }

    private List<Meaning> Meanings(string key, string? code)
    {
        var meanings = new List<Meaning>();
        if (code is not null && IsCode(code))
        {
            if (gazetteer.CountryCoded(code) is { } coded) meanings.Add(new Meaning(code.Length == 2 ? 0.85 : 0.95, Country: coded));
            // Alone, "US", "CA" or "UK" is the country; after a city the country rarely fits and the code wins anyway.
            var subdivisionWeight = (gazetteer.CountryCoded(code) ?? gazetteer.CountryNamed(code)) is null ? 0.8 : 0.4;
            meanings.AddRanked(gazetteer.SubdivisionsCoded(code), s => s.Population, subdivisionWeight, (s, w) => new Meaning(w, Subdivision: s));
            meanings.AddRanked(gazetteer.CitiesAbbreviated(code), c => c.Population, 0.9, (c, w) => new Meaning(w, City: c));
        }
        var named = gazetteer.Named(key);
        if (named.Country is { } country) meanings.Add(new Meaning(1.0, Country: country));
        if (named.IsArea) meanings.Add(new Meaning(1.0, IsArea: true));
        meanings.AddRanked(named.Subdivisions, s => s.Population, 0.9, (s, w) => new Meaning(w, Subdivision: s));
        // Area words ("Midwest", "Pacific", "EMEA") are scopes wherever a small town shares their name.
        if (!named.IsArea)
            meanings.AddRanked(named.Cities, m => m.Prominence, 0.8, (m, w) =>
                new Meaning(IsCityState(m.City, named.Country, key) ? 1.05 : w, City: m.City));
        return Settle(meanings);
    }

    private static bool IsCityState(GazetteerCity city, GazetteerCountry? country, string key) =>
        city.IsCapital && country?.Code == city.CountryCode && PlaceKey.Fold(city.Name) == key;

    // A city found by name and by abbreviation counts once, at its better weight. Between a city and a subdivision
    // of one name, the subdivision yields when the city holds a twentieth of its people, else the city yields.
    private static List<Meaning> Settle(List<Meaning> meanings)
    {
        if (meanings.Count < 2) return meanings;
        var largestCity = meanings.Max(m => m.City?.Population ?? 0);
        var largestSubdivision = meanings.Max(m => m.Subdivision?.Population ?? 0);
        var subdivisionYields = largestCity >= CityShareOfSubdivision * largestSubdivision;
        return meanings
            .Select(m => Yields(m) ? m with { Weight = m.Weight * YieldFactor } : m)
            .GroupBy(m => m with { Weight = 0 })
            .Select(g => g.MaxBy(m => m.Weight)!)
            .ToList();

        bool Yields(Meaning m) =>
            largestCity > 0 && meanings.Any(s => s.Subdivision is not null)
            && (subdivisionYields ? m.Subdivision is not null : m.City is not null);
    }

    private static List<Piece> MergeUnknownRuns(IEnumerable<Piece> pieces)
    {
        var merged = new List<Piece>();
        foreach (var piece in pieces)
        {
            if (piece.IsUnknown && merged is [.., { IsUnknown: true } previous] && previous.Part == piece.Part)
                merged[^1] = previous with { End = piece.End };
            else
                merged.Add(piece);
        }
        return merged;
    }

    // Beside words not understood, a small town or a subdivision named like a common word is more likely a piece of
    // a name the gazetteer lacks ("Silicon Valley" is not Valley, Alabama; "Eastern Time Zone" not Ghana's Eastern
    // Region); countries, regions spanning countries and large cities stand.
    private static Piece BesideUnknownWords(Piece piece)
    {
        if (piece.Meanings.Count == 0) return piece;
        var kept = piece.Meanings.Where(m => m.Country is not null || m.IsArea || m.City?.Population >= LargeCity).ToList();
        return piece with { Meanings = kept };
    }

    // Words that name nothing known, alone in their part and shaped like a name ("Smallville" in "Smallville, KS"),
    // may be a town the gazetteer lacks; the place keeps them only if a region or country confirms the rest.
    private static Piece AsUnlistedCity(string item, Piece piece, List<Piece> pieces)
    {
        var text = item[piece.Start..piece.End];
        var alone = pieces.Count(p => p.Part == piece.Part) == 1;
        var words = text.Split(' ');
        var nameShaped = words.Length <= 4 && words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '.' or '\'' or '-'));
        return alone && nameShaped ? piece with { Meanings = [new Meaning(UnlistedCityWeight, UnlistedCity: text)] } : piece;
    }

    // "IN" and "OR" after a city are Indiana and Oregon, not the words.
    private bool IsKnownCode(string token)
    {
        var code = LocationText.WithoutAbbreviationDots(token);
        return code.Length == 2 && IsCode(code) && (gazetteer.CountryCoded(code) is not null
            || gazetteer.SubdivisionsCoded(code).Count > 0 || gazetteer.CitiesAbbreviated(code).Count > 0);
    }

    private static bool IsCode(string text) => text.Length is >= 2 and <= 4 && text.All(char.IsAsciiLetterUpper);
}

internal static class MeaningListExtensions
{
    /// <summary>Adds one meaning per candidate, weighted <paramref name="top"/> × (its size / the largest size)^¼.</summary>
    public static void AddRanked<T>(this List<Meaning> meanings, IReadOnlyList<T> candidates, Func<T, double> size,
        double top, Func<T, double, Meaning> meaning)
    {
        if (candidates.Count == 0) return;
        var largest = Math.Max(candidates.Max(size), 1);
        foreach (var candidate in candidates)
            meanings.Add(meaning(candidate, top * Math.Pow(Math.Max(size(candidate), 1) / largest, 0.25)));
    }
}
