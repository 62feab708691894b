namespace Ingestor.Normalization.Locations;

/// <summary>
/// A place being read from consecutive parts of a list item: every reading of its pieces that still agrees.
/// A part that agrees with none starts the next place, which is how "San Francisco, New York" becomes two places
/// while "Seattle, Washington, United States" stays one.
/// </summary>
internal sealed class PlaceDraft(int start, Workplace workplace)
{
    // Enough for any real string; stops a long run of ambiguous names from multiplying readings.
    private const int MostReadings = 64;

    private List<Reading> readings = [Reading.Nothing];
    private NameKind namesSeen;

    [Flags]
    private enum NameKind { None = 0, City = 1, Unlisted = 2, All = City | Unlisted }

    public int Start { get; } = start;
    public int End { get; private set; } = start;
    public Workplace Workplace { get; set; } = workplace;
    public int UnknownRuns { get; set; }
    public IReadOnlyList<Reading> Readings => readings;

    /// <summary>Adds all the pieces, or none when any of them contradicts the place.</summary>
    public bool TryAdd(IReadOnlyList<Piece> pieces)
    {
        // Words the gazetteer lacks are a town only beside names that cannot be one: "Smallville, KS", but not
        // "SF, Chi", where SF is San Francisco rather than São Filipe in Cape Verde.
        var names = NameKinds(pieces);
        if ((namesSeen | names) == NameKind.All) return false;
        var next = readings;
        foreach (var piece in pieces)
        {
            next = next
                .SelectMany(reading => piece.Meanings.Select(reading.With))
                .OfType<Reading>()
                .Where(reading => Workplace != Workplace.Remote || !reading.HasCity)
                .OrderByDescending(reading => reading.Score)
                .Take(MostReadings)
                .ToList();
            if (next.Count == 0) return false;
        }
        readings = next;
        namesSeen |= names;
        foreach (var piece in pieces) Extend(piece.End);
        return true;
    }

    private static NameKind NameKinds(IEnumerable<Piece> pieces) =>
        pieces.SelectMany(p => p.Meanings).Aggregate(NameKind.None, (kinds, meaning) => kinds
            | (meaning.City is null ? NameKind.None : NameKind.City)
            | (meaning.UnlistedCity is null ? NameKind.None : NameKind.Unlisted));

    public void Extend(int end) => End = Math.Max(End, end);

    /// <summary>Makes a place without a city remote, when the part saying so names no place of its own.</summary>
    private bool TryMakeRemote(bool partNamesAPlace)
    {
        if (partNamesAPlace || Workplace == Workplace.Remote || readings.Any(r => r.HasCity || r.IsEmpty)) return false;
        Workplace = Workplace.Remote;
        return true;
    }

    /// <summary>
    /// Groups an item's pieces into places, a comma-separated part at a time so that "US-Georgia" stays together.
    /// A part that says "remote" opens a remote place of its own (a remote place takes a country or region but no
    /// city), so "Chicago, US-Remote" is Chicago and remote work in the US; "hybrid" and "on-site" qualify the place
    /// they stand in, or the next one. Returns the workplace words that qualified no place.
    /// </summary>
    public static Workplace Group(IReadOnlyList<Piece> pieces, List<PlaceDraft> places)
    {
        var pending = Workplace.Unstated;
        PlaceDraft? current = null;
        foreach (var part in pieces.GroupBy(p => p.Part))
        {
            // "Germany (Remote)" is one place; "Chicago, Remote" two.
            var remote = part.Where(p => p.Workplace == Workplace.Remote).ToList();
            if (remote.Count > 0 && !(current?.TryMakeRemote(part.Any(p => p.Meanings.Count > 0)) ?? false))
            {
                current = Open(places, part.First().Start, Workplace.Remote);
                current.Extend(remote[^1].End);
            }

            var names = part.Where(p => p.Meanings.Count > 0).ToList();
            if (names.Count > 0 && (current is null || !current.TryAdd(names)))
                current = Place(names, places, current is null ? pending : Workplace.Unstated);

            foreach (var piece in part.Where(p => p.Meanings.Count == 0))
            {
                if (piece.Workplace is Workplace.Hybrid or Workplace.Onsite)
                {
                    if (current is null) pending = piece.Workplace;
                    else if (current.Workplace != Workplace.Remote) current.Workplace = piece.Workplace;
                }
                else if (piece.IsUnknown)
                {
                    current ??= Open(places, piece.Start, pending);
                    current.UnknownRuns++;
                }
                current?.Extend(piece.End);
            }
            if (current is not null && current.Workplace == pending) pending = Workplace.Unstated;
        }
        return pending;
    }

    // Names that do not fit together ("Berlin Munich") fall back to one place each.
    private static PlaceDraft Place(List<Piece> names, List<PlaceDraft> places, Workplace workplace)
    {
        var place = Open(places, names[0].Start, workplace);
        if (place.TryAdd(names)) return place;
        place.TryAdd([names[0]]);
        foreach (var name in names.Skip(1))
            if (!place.TryAdd([name]))
            {
                place = Open(places, name.Start, Workplace.Unstated);
                place.TryAdd([name]);
            }
        return place;
    }

    private static PlaceDraft Open(List<PlaceDraft> places, int start, Workplace workplace)
    {
        var place = new PlaceDraft(start, workplace);
        places.Add(place);
        return place;
    }
}
