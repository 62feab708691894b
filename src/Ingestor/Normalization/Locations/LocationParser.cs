namespace Ingestor.Normalization.Locations;

/// <summary>
/// Reads a Greenhouse <c>location.name</c> into city, region (ISO 3166-2 code without the country prefix), country and
/// workplace. A string naming several places ("New York, NY; San Francisco, CA; Remote") lists each in
/// <see cref="ParsedLocation.Alternatives"/>; the first on-site place naming a city, region or country (else the first
/// with a city, else with a country) is the posting's, and the posting is remote if any of them is.
/// Office locations, when given, are evidence for bare or ambiguous names ("Cambridge" with an office in Massachusetts),
/// and so, more weakly, is the country most of the board's postings are in (<see cref="BoardPlaces"/>).
/// <para>Confidence scale:</para>
/// <list type="bullet">
/// <item>0.95: a city confirmed by region and country ("Seattle, Washington, United States").</item>
/// <item>0.90: a city confirmed by region or country ("Austin, TX", "Paris, France"); remote work, with or without a scope.</item>
/// <item>0.85: a country alone ("Canada"), or a region with its country ("Ontario, Canada").</item>
/// <item>0.75: a bare city or abbreviation whose likeliest place clearly leads ("San Francisco", "NYC"); a bare region.</item>
/// <item>0.70: only a region spanning countries ("EMEA").</item>
/// <item>0.60: at most, when another place fits the words nearly as well ("Cambridge").</item>
/// <item>0.50: a town the gazetteer lacks, placed by its region or country; or only a workplace ("On-site").</item>
/// <item>0.10: nothing recognisable ("TBD", "Multiple Locations"); 0 for empty input.</item>
/// </list>
/// Each run of words not understood beside a place costs 0.05, down to 0.3.
/// </summary>
public sealed class LocationParser(Gazetteer gazetteer)
{
    private const double NothingRecognised = 0.1;
    private const double OnlyAWorkplace = 0.5;
    // A runner-up reading within this share of the best makes the place ambiguous.
    private const double CloseRunnerUp = 0.8;
    private const double HomeCountrySupport = 1.2;

    private readonly PlaceNameReader reader = new(gazetteer);

    public ParsedLocation Parse(string? raw, IReadOnlyList<string>? officeLocations = null, BoardPlaces? board = null)
    {
        var text = LocationText.Clean(raw);
        if (text.Length == 0) return ParsedLocation.Unknown(raw);
        if (LocationVocabulary.NamesNoPlace(text)) return ParsedLocation.Unknown(raw) with { Confidence = NothingRecognised };

        var offices = officeLocations is null ? [] : Offices(officeLocations);
        var places = new List<ParsedLocation>();
        var looseWorkplace = Workplace.Unstated;
        foreach (var item in LocationText.Items(text, reader.IsName))
        {
            if (LocationVocabulary.NamesNoPlace(item)) continue;
            var drafts = new List<PlaceDraft>();
            looseWorkplace = Stronger(looseWorkplace, PlaceDraft.Group(reader.Read(item, LocationText.Tokens(item)), drafts));
            foreach (var draft in drafts)
            {
                if (Judge(item, draft, offices, board?.HomeCountry) is { } place) places.Add(place);
                else looseWorkplace = Stronger(looseWorkplace, draft.Workplace);
            }
        }
        return Combine(raw, places, looseWorkplace);
    }

    private static ParsedLocation Combine(string? raw, List<ParsedLocation> places, Workplace looseWorkplace)
    {
        var workplace = places.Select(p => WorkplaceFrom(p.WorkplaceType)).Aggregate(looseWorkplace, Stronger);
        if (places.Count == 0)
            return ParsedLocation.Unknown(raw) with
            {
                WorkplaceType = WorkplaceName(workplace),
                Confidence = workplace == Workplace.Unstated ? NothingRecognised : OnlyAWorkplace,
            };

        // The first place on site that names a city, region or country is the posting's: "California; New York, NY"
        // is California, not a city taken from a later item. Remote work and areas spanning countries come after.
        var posting = places.FirstOrDefault(p => !p.IsRemote && p.CountryCode is not null)
                      ?? places.FirstOrDefault(p => p.City is not null)
                      ?? places.FirstOrDefault(p => p.CountryCode is not null)
                      ?? places[0];
        var distinct = places.DistinctBy(p => (p.City, p.Region, p.CountryCode, p.IsRemote, p.WorkplaceType)).ToList();
        IReadOnlyList<ParsedLocation> alternatives = distinct.Count > 1 ? distinct : Array.Empty<ParsedLocation>();
        return posting with
        {
            Raw = raw,
            IsRemote = workplace == Workplace.Remote,
            WorkplaceType = WorkplaceName(workplace),
            Alternatives = alternatives,
        };
    }

    private ParsedLocation? Judge(string item, PlaceDraft draft, IReadOnlyList<ParsedLocation> offices, string? homeCountry)
    {
        var ranked = draft.Readings
            .Select(reading => (Reading: reading, Score: reading.Score * Support(reading, offices) * Support(reading, homeCountry)))
            .OrderByDescending(r => r.Score)
            .ToList();
        var best = ranked[0];
        var ambiguous = ranked.Skip(1).FirstOrDefault(r => r.Reading.Contradicts(best.Reading)) is { Reading: not null } runnerUp
                        && runnerUp.Score >= CloseRunnerUp * best.Score;

        var reading = best.Reading;
        // A name the gazetteer lacks is taken for a town only when a region or country vouches for the place.
        if (reading.UnlistedCity is not null && reading.Subdivision is null && reading.Country is null)
            reading = reading with { UnlistedCity = null };
        if (reading.IsEmpty && draft.Workplace != Workplace.Remote) return null;

        var countryCode = reading.CountryCode;
        return new ParsedLocation(
            item[draft.Start..draft.End],
            reading.City?.Name ?? reading.UnlistedCity,
            reading.Region,
            countryCode is null ? null : gazetteer.CountryName(countryCode),
            countryCode,
            draft.Workplace == Workplace.Remote,
            WorkplaceName(draft.Workplace),
            Confidence(reading, draft, ambiguous),
            []);
    }

    private static double Confidence(Reading reading, PlaceDraft draft, bool ambiguous)
    {
        var qualifiers = (reading.Subdivision is null ? 0 : 1) + (reading.Country is null ? 0 : 1);
        var confidence = reading switch
        {
            { City: not null } => qualifiers switch { 0 => 0.75, 1 => 0.9, _ => 0.95 },
            { UnlistedCity: not null } => 0.5,
            { Subdivision: not null } => reading.Country is null ? 0.75 : 0.85,
            { Country: not null } => 0.85,
            { IsArea: true } => 0.7,
            _ => 0.9,
        };
        if (draft.Workplace == Workplace.Remote && !reading.HasCity) confidence = Math.Max(confidence, 0.9);
        if (ambiguous) confidence = Math.Min(confidence, 0.6);
        return Math.Round(Math.Max(confidence - 0.05 * draft.UnknownRuns, Math.Min(confidence, 0.3)), 2);
    }

    // Offices are weak evidence: a city of the same name counts most, then the same region, then the same country.
    private static double Support(Reading reading, IReadOnlyList<ParsedLocation> offices) =>
        offices.Count == 0 || reading.CountryCode is null
            ? 1.0
            : offices.Max(office =>
                office.CountryCode != reading.CountryCode ? 1.0
                : reading.City is not null && office.City == reading.City.Name ? 3.0
                : office.Region is not null && office.Region == reading.Region ? 1.5
                : 1.2);

    private static double Support(Reading reading, string? homeCountry) =>
        homeCountry is not null && reading.CountryCode == homeCountry ? HomeCountrySupport : 1.0;

    private List<ParsedLocation> Offices(IReadOnlyList<string> officeLocations) =>
        officeLocations
            .Select(office => Parse(office))
            .SelectMany(office => office.Alternatives.Count > 0 ? office.Alternatives : [office])
            .Where(office => office.CountryCode is not null)
            .ToList();

    private static Workplace Stronger(Workplace a, Workplace b) => Rank(a) >= Rank(b) ? a : b;

    // Remote anywhere in the string makes the posting remote; hybrid says more than on-site.
    private static int Rank(Workplace workplace) => workplace switch
    {
        Workplace.Remote => 3,
        Workplace.Hybrid => 2,
        Workplace.Onsite => 1,
        _ => 0,
    };

    private static string? WorkplaceName(Workplace workplace) => workplace switch
    {
        Workplace.Remote => "remote",
        Workplace.Hybrid => "hybrid",
        Workplace.Onsite => "onsite",
        _ => null,
    };

    private static Workplace WorkplaceFrom(string? name) => name switch
    {
        "remote" => Workplace.Remote,
        "hybrid" => Workplace.Hybrid,
        "onsite" => Workplace.Onsite,
        _ => Workplace.Unstated,
    };
}
