using System.Runtime.InteropServices;

namespace Ingestor.Normalization.Locations;

/// <summary>Reads the embedded gazetteer files (Normalization/Data/*.tsv) into the indexes <see cref="Gazetteer"/> freezes.</summary>
internal sealed class GazetteerSource
{
    // Sized for the data, so that filling them does not rehash.
    public Dictionary<string, List<CityMatch>> CitiesByName { get; } = new(90_000, StringComparer.Ordinal);
    public Dictionary<string, List<GazetteerCity>> CitiesByAbbreviation { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<GazetteerSubdivision>> SubdivisionsByName { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<GazetteerSubdivision>> SubdivisionsByCode { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, GazetteerCountry> CountriesByName { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, GazetteerCountry> CountriesByCode { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Areas { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> WordsByFirstWord { get; } = new(StringComparer.Ordinal);
    public int CityCount { get; private set; }

    public static GazetteerSource ReadEmbedded()
    {
        var source = new GazetteerSource();
        var aliases = Rows("aliases.tsv").Where(r => !r[0].StartsWith('#')).ToList();
        source.ReadCountries(Rows("countries.tsv").Skip(1));
        source.ReadSubdivisions(Rows("subdivisions.tsv").Skip(1));
        source.ReadCities(Rows("cities.tsv").Skip(1), CommonNames(aliases));
        source.ReadAliases(aliases);
        source.CountWords(source.CitiesByName.Keys.Concat(source.SubdivisionsByName.Keys)
            .Concat(source.CountriesByName.Keys).Concat(source.Areas));
        return source;
    }

    private void ReadCountries(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            var (code, alpha3, name) = (row[0], row[1], row[2]);
            var country = new GazetteerCountry(code, alpha3, Gazetteer.EnglishCountryName(code, name));
            CountriesByCode[code] = country;
            if (alpha3.Length == 3) CountriesByCode[alpha3] = country;
            foreach (var other in Names(row[3]).Append(name).Append(country.Name))
                CountriesByName.TryAdd(PlaceKey.Fold(other), country);
        }
    }

    private void ReadSubdivisions(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            var subdivision = new GazetteerSubdivision(row[0], row[1], row[2], long.Parse(row[3]));
            Add(SubdivisionsByCode, subdivision.Code, subdivision);
            foreach (var name in Names(row[4]).Append(subdivision.Name).Select(PlaceKey.Fold).Distinct())
                Add(SubdivisionsByName, name, subdivision);
        }
    }

    private void ReadCities(IEnumerable<string[]> rows, Dictionary<string, string> commonNames)
    {
        foreach (var row in rows)
        {
            var (name, country, region) = (row[0], row[1], row[2]);
            var key = $"{name}|{country}|{region}";
            var city = new GazetteerCity(commonNames.GetValueOrDefault(key, name), country,
                region.Length == 0 ? null : region, int.Parse(row[3]), row[4] == "PPLC");
            CityCount++;
            Add(CitiesByName, PlaceKey.Fold(city.Name), new CityMatch(city, ByOwnName: true));
            if (city.Name != name) Add(CitiesByName, PlaceKey.Fold(name), new CityMatch(city, ByOwnName: true));
            foreach (var other in Names(row[5]))
            {
                if (IsAbbreviation(other)) Add(CitiesByAbbreviation, other, city);
                else Add(CitiesByName, PlaceKey.Fold(other), new CityMatch(city, ByOwnName: false));
            }
        }
    }

    private void ReadAliases(List<string[]> rows)
    {
        foreach (var row in rows)
        {
            var key = PlaceKey.Fold(row[1]);
            switch (row[0])
            {
                case "country":
                    CountriesByName[key] = CountriesByCode[row[2]];
                    break;
                case "city":
                    var city = FindCity(row[2]);
                    Add(CitiesByName, key, new CityMatch(city, ByOwnName: true));
                    break;
                case "area":
                    Areas.Add(key);
                    break;
            }
        }
    }

    // How many words the longest name starting with each word has, so the parser tries no longer runs of words.
    private void CountWords(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            var space = key.IndexOf(' ');
            var first = space < 0 ? key : key[..space];
            var words = key.AsSpan().Count(' ') + 1;
            if (words > WordsByFirstWord.GetValueOrDefault(first)) WordsByFirstWord[first] = words;
        }
    }

    private GazetteerCity FindCity(string reference)
    {
        var parts = reference.Split('|');
        return CitiesByName.GetValueOrDefault(PlaceKey.Fold(parts[0]), [])
                   .Select(m => m.City)
                   .FirstOrDefault(c => c.CountryCode == parts[1] && (c.Region ?? "") == parts[2])
               ?? throw new InvalidDataException($"aliases.tsv names a city not in cities.tsv: {reference}");
    }

    private static Dictionary<string, string> CommonNames(IEnumerable<string[]> aliases) =>
        aliases.Where(r => r[0] == "name").ToDictionary(r => r[1], r => r[2], StringComparer.Ordinal);

    // Upper-case codes of two to four letters among GeoNames alternate names are abbreviations and airport codes.
    private static bool IsAbbreviation(string name) =>
        name.Length is >= 2 and <= 4 && name.All(char.IsAsciiLetterUpper);

    private static IEnumerable<string> Names(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (key.Length == 0) return;
        ref var values = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
        // Most names belong to one place: start lists at one element rather than List's default of four.
        values ??= new List<T>(1);
        values.Add(value);
    }

    private static IEnumerable<string[]> Rows(string file)
    {
        using var stream = typeof(GazetteerSource).Assembly.GetManifestResourceStream($"Ingestor.Normalization.Data.{file}")
                           ?? throw new InvalidDataException($"embedded gazetteer file {file} is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line.Split('\t');
    }
}
