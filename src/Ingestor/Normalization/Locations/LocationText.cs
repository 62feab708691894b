using System.Text;
using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Locations;

/// <summary>A word of a location string; <see cref="Part"/> counts the comma-separated parts of its list item.</summary>
internal sealed record Token(string Text, int Start, int End, int Part);

/// <summary>How a location string is cut: into list items (one place each, mostly), parts and words.</summary>
internal static partial class LocationText
{
    public static string Clean(string? raw) =>
        raw is null ? "" : Whitespace().Replace(raw.Normalize(NormalizationForm.FormC), " ").Trim();

    /// <summary>
    /// The list items of a cleaned string: split at ';' and '|', then at " or ", " and ", '&amp;' and '/' unless the
    /// whole item is a name ("Trinidad and Tobago"). A workplace word before a parenthesized list applies to each
    /// item ("Remote (US or Canada)" is "Remote US; Remote Canada"); other parentheses read as commas.
    /// </summary>
    public static IEnumerable<string> Items(string text, Func<string, bool> isName)
    {
        foreach (var segment in TopLevelSeparator().Split(ExpandParentheses(text)))
        {
            var item = segment.Trim(' ', ',');
            if (item.Length == 0) continue;
            if (isName(item))
            {
                yield return item;
                continue;
            }
            foreach (var alternative in ListSeparator().Split(item))
                if (alternative.Trim(' ', ',') is { Length: > 0 } trimmed)
                    yield return trimmed;
        }
    }

    /// <summary>The words of an item, split at spaces and dashes ("US-Remote", "New-York"), numbered by comma-separated part.</summary>
    public static IReadOnlyList<Token> Tokens(string item)
    {
        var tokens = new List<Token>();
        var part = 0;
        var position = 0;
        var separators = PartSeparator().Matches(item).Select(m => (Start: m.Index, End: m.Index + m.Length));
        foreach (var separator in separators.Append((Start: item.Length, End: item.Length)))
        {
            foreach (Match word in Word().Matches(item[position..separator.Start]))
                tokens.Add(new Token(word.Value, position + word.Index, position + word.Index + word.Length, part));
            part++;
            position = separator.End;
        }
        return tokens;
    }

    /// <summary>"U.S." and "D.C." are codes written with dots.</summary>
    public static string WithoutAbbreviationDots(string token) =>
        DottedAbbreviation().IsMatch(token) ? token.Replace(".", "") : token;

    private static string ExpandParentheses(string text) => Parenthesized().Replace(text, match =>
    {
        var prefix = match.Groups["prefix"].Value;
        var inner = match.Groups["inner"].Value;
        var items = ListSeparator().Split(inner).Where(i => i.Trim().Length > 0).ToList();
        return items.Count > 1 && LocationVocabulary.IsWorkplacePhrase(prefix)
            ? string.Join("; ", items.Select(i => $"{prefix.Trim()} {i.Trim()}"))
            : $"{prefix}, {inner}, ";
    });

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[;|\n]")]
    private static partial Regex TopLevelSeparator();

    // Alternatives within an item or a parenthesis; not commas: "Hybrid (New York, NY)" is one place.
    [GeneratedRegex(@"\s+(?:or|and)\s+|\s*[/&]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"(?<prefix>[^,;|()]*)\((?<inner>[^()]*)(?:\)|$)")]
    private static partial Regex Parenthesized();

    // Dashes join rather than separate: "Remote - US" and "London - United Kingdom" are one place each.
    [GeneratedRegex(@"\s*[,:]\s*")]
    private static partial Regex PartSeparator();

    [GeneratedRegex(@"[^\s\-–—]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:[A-Za-z]\.){2,3}$")]
    private static partial Regex DottedAbbreviation();
}
