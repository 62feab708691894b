using System.Collections.Concurrent;

namespace Ingestor.Normalization.Locations;

/// <summary>
/// Readings of the location strings a board repeats on posting after posting ("SF, NYC, SEA, CHI" with the same offices),
/// each read once. The parser is a pure function of the strings, so a reading remembered is the reading.
/// </summary>
internal sealed class LocationCache(LocationParser parser)
{
    // Enough for the places of many boards; past it, start again rather than keep every place ever read.
    private const int MostRemembered = 20_000;

    private readonly ConcurrentDictionary<(string? Location, string Offices, string? HomeCountry), ParsedLocation> readings = new();

    public ParsedLocation Parse(string? location, IReadOnlyList<string> offices, BoardPlaces board)
    {
        // Each office with its length before it, so that no two lists of offices make one key.
        var key = (location, string.Concat(offices.Select(office => $"{office.Length}:{office}")), board.HomeCountry);
        if (readings.TryGetValue(key, out var reading))
            return reading;
        if (readings.Count >= MostRemembered)
            readings.Clear();
        return readings[key] = parser.Parse(location, offices, board);
    }
}
