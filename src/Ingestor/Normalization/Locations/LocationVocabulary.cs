namespace Ingestor.Normalization.Locations;

internal enum Workplace { Unstated, Remote, Hybrid, Onsite }

/// <summary>The words of location strings that are not places. All entries are in <see cref="PlaceKey"/> form.</summary>
internal static class LocationVocabulary
{
    // How the job is worked rather than where; "anywhere" and "worldwide" are remote without a place.
    private static readonly Dictionary<string, Workplace> WorkplacePhrases = new(StringComparer.Ordinal)
    {
        ["remote"] = Workplace.Remote,
        ["anywhere"] = Workplace.Remote,
        ["worldwide"] = Workplace.Remote,
        ["wfh"] = Workplace.Remote,
        ["work from home"] = Workplace.Remote,
        ["work from anywhere"] = Workplace.Remote,
        ["telecommute"] = Workplace.Remote,
        ["home based"] = Workplace.Remote,
        ["distributed"] = Workplace.Remote,
        ["hybrid"] = Workplace.Hybrid,
        ["onsite"] = Workplace.Onsite,
        ["on site"] = Workplace.Onsite,
        ["in office"] = Workplace.Onsite,
        ["in person"] = Workplace.Onsite,
        ["office based"] = Workplace.Onsite,
    };

    // Words around places that say nothing about where: "Remote in the US", "New York HQ", "Greater London",
    // "Germany Locations", "Remote-Friendly (Travel Required)". Only single words the gazetteer did not read as part
    // of a longer name ("Bay Area", "Kansas City") are dropped.
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        "in", "the", "of", "and", "or", "within", "across", "based", "only", "fully", "first", "friendly",
        "travel", "required", "national", "hq", "headquarters", "office", "offices", "location", "locations",
        "greater", "metro", "metropolitan", "area", "region", "sar", "city", "campus", "multiple", "various", "preferred",
        "eligible",
    };

    // Whole strings, or whole list items, that name no place at all.
    private static readonly HashSet<string> NoPlaceAtAll = new(StringComparer.Ordinal)
    {
        "tbd", "tba", "n a", "na", "none", "null", "unknown", "other", "location", "locations", "multiple",
        "multiple locations", "various", "various locations", "not applicable", "to be determined", "see description",
    };

    private static readonly Dictionary<string, int> PhraseWordsByFirstWord = WorkplacePhrases.Keys
        .GroupBy(phrase => phrase.Split(' ')[0])
        .ToDictionary(g => g.Key, g => g.Max(phrase => phrase.Split(' ').Length), StringComparer.Ordinal);

    public static Workplace WorkplaceOf(string key) => WorkplacePhrases.GetValueOrDefault(key);

    /// <summary>Words in the longest workplace phrase starting with this word ("work from home": 3); 0 when none.</summary>
    public static int LongestPhraseStartingWith(string firstWord) => PhraseWordsByFirstWord.GetValueOrDefault(firstWord);

    public static bool IsFiller(string key) => FillerWords.Contains(key);

    public static bool NamesNoPlace(string text) => NoPlaceAtAll.Contains(PlaceKey.Fold(text));

    /// <summary>Whether the text only says how the job is worked ("Remote", "or Remote-Friendly").</summary>
    public static bool IsWorkplacePhrase(string text)
    {
        var words = PlaceKey.Fold(text).Split(' ');
        return words.Any(word => WorkplaceOf(word) != Workplace.Unstated)
               && words.All(word => WorkplaceOf(word) != Workplace.Unstated || IsFiller(word));
    }
}
