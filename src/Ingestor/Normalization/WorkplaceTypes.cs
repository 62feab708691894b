using System.Text.RegularExpressions;
using Ingestor.Normalization.Titles;

namespace Ingestor.Normalization;

/// <summary>
/// Where the work is done: remote, hybrid or onsite, or null when nothing says so or the sources disagree.
/// Only explicit markers count: "Remote Sensing Engineer" and "Hybrid Cloud Engineer" name what the job works on.
/// </summary>
public static partial class WorkplaceTypes
{
    public const string Remote = "remote";
    public const string Hybrid = "hybrid";
    public const string Onsite = "onsite";

    public static string? FromMetadata(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var kinds = new List<string>();
        foreach (var (name, value) in metadata)
        {
            if (!WorkplaceField().IsMatch(name)) continue;
            // A yes/no field named for one arrangement: "Remote": "true". "false" only says what it is not.
            if (MetadataValues.IsYes(value)) kinds.AddRange(KindsNamedIn(name));
            else if (FromMarker(value) is { } kind) kinds.Add(kind);
        }
        return OnlyOne(kinds);
    }

    /// <summary>
    /// The arrangement from the most direct source that states one: a custom field (0.95), the location string (0.9),
    /// the title (0.8).
    /// </summary>
    public static Inferred? Infer(IEnumerable<KeyValuePair<string, string>> metadata, string? fromLocation, string title) =>
        FromMetadata(metadata) is { } fromField ? new Inferred(fromField, 0.95, Provenance.Structured)
        : fromLocation is not null ? new Inferred(fromLocation, 0.9, Provenance.Derived)
        : FromTitle(title) is { } fromTitle ? new Inferred(fromTitle, 0.8, Provenance.Derived)
        : null;

    public static string? FromTitle(string title) =>
        OnlyOne(TitleText.Segments(title).Select(FromMarker).OfType<string>());

    /// <summary>
    /// The arrangement a title part or metadata value states: "Remote", "Fully Remote", "Remote Eligible", "On-Site",
    /// "Hybrid (Travel-Required)", "Remote - US", "US-Remote", "Remote in Canada". Null when the keyword only begins a
    /// longer name ("Remote Sensing"), when it is negated ("Not remote") or when it names two ("Remote/Hybrid").
    /// </summary>
    internal static string? FromMarker(string segment)
    {
        var text = segment.Trim();
        if (Negation().IsMatch(text)) return null;
        if (OnlyOne(KindsNamedIn(text)) is not { } kind) return null;

        var keyword = Keyword().Match(text);
        var before = text[..keyword.Index].Trim();
        var after = text[(keyword.Index + keyword.Length)..].Trim();
        // A bare hyphen joins a name ("Remote-Sensing"), except to a code ("US-Remote", "Remote-US") or a qualifier ("Remote-first").
        var standsAlone =
            (before.Length == 0 && (after.Length == 0 || Qualifier().IsMatch(after) || QualifierStart().IsMatch(after) || Acronyms().IsMatch(after.TrimStart('-', ' '))))
            || (after.Length == 0 && (SeparatorEnd().IsMatch(before) || Acronyms().IsMatch(before.TrimEnd('-', ' '))));
        return standsAlone ? kind : null;
    }

    static IEnumerable<string> KindsNamedIn(string text) =>
        Keyword().Matches(text).Select(match => match.Groups[Remote].Success ? Remote : match.Groups[Hybrid].Success ? Hybrid : Onsite);

    static string? OnlyOne(IEnumerable<string> kinds) =>
        kinds.Distinct().ToList() is [var only] ? only : null;

    [GeneratedRegex(@"workplace|work\s*place|remote|location\s*type|work(?:ing)?\s*(?:arrangement|model|type|setting|style|mode|location|environment)|on[-\s]?site|hybrid|office\s*(?:type|policy|requirement)|telecommut", RegexOptions.IgnoreCase)]
    private static partial Regex WorkplaceField();

    [GeneratedRegex("""
        (?<remote> \b(?:fully\s+|100\s*%\s*)?remote\b | \bwork(?:ing)?\s+from\s+home\b | \bwfh\b | \btelecommut\w* )
        | (?<hybrid> \bhybrid\b )
        | (?<onsite> \bon[-\s]?site\b | \bin[-\s]?office\b | \boffice[-\s]based\b | \bin[-\s]person\b )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\b(?:no|not|non|false|ineligible|n/a)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    // "Remote Eligible", "Remote-first", "Hybrid role": words that qualify the arrangement, not a longer name.
    [GeneratedRegex(@"^-?\s*(?:first|eligible|friendly|ok|optional|possible|available|only|role|position|job|work|working|basis)$", RegexOptions.IgnoreCase)]
    private static partial Regex Qualifier();

    // "Remote - Ontario, Canada", "Remote, US", "Hybrid (Travel-Required)", "Remote in Canada": the keyword, then where or how.
    [GeneratedRegex(@"^(?:[,:/|(]|-\s|(?:in|from|within|across)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex QualifierStart();

    // "Ontario, Canada - Remote", "Berlin / Remote"
    [GeneratedRegex(@"(?:[,/|(]|\s-)$")]
    private static partial Regex SeparatorEnd();

    // "Remote US", "US Remote", "Remote EMEA/APAC": capitals only, so "Remote Sensing" stays a name.
    [GeneratedRegex(@"^[A-Z]{2,5}(?:\s*[/&]\s*[A-Z]{2,5})*$")]
    private static partial Regex Acronyms();
}
