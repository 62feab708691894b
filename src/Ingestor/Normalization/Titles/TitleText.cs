using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Titles;

/// <summary>One part of a job title; <see cref="Separator"/> is the mark that stood before it ("" for the first part).</summary>
internal sealed record TitlePiece(string Separator, string Text);

/// <summary>
/// The text handling the title classifiers share: cleaning a raw title and cutting it into the parts
/// job boards separate with ",", ";", "|" or a spaced dash ("Engineer - Remote"). Brackets are never cut,
/// so "(State and Local Government, West)" stays one part.
/// </summary>
internal static partial class TitleText
{
    /// <summary>Drops emoji and invisible characters, folds compatibility forms (full-width letters, "ﬁ"), collapses whitespace
    /// and spaces separators the same way, so the rules below see one spelling of each title.</summary>
    public static string Clean(string raw)
    {
        var text = WithoutSymbols(raw).Normalize(NormalizationForm.FormKC);
        text = Whitespace().Replace(text, " ");
        text = RepeatedPunctuation().Replace(text, "$1");
        text = SpacedDash().Replace(text, " - ");
        text = SpaceBeforeComma().Replace(text, ",");
        text = GluedOpeningBracket().Replace(text, "$1 $2");
        return text.Trim().Trim(EdgeJunk);
    }

    public static List<TitlePiece> Pieces(string cleaned)
    {
        var pieces = new List<TitlePiece>();
        var separator = "";
        var start = 0;
        var depth = 0;
        for (var i = 0; i < cleaned.Length; i++)
        {
            var c = cleaned[i];
            if (c is '(' or '[' or '{' or '<') depth++;
            else if (c is ')' or ']' or '}' or '>') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && SeparatorAt(cleaned, i) is { } found)
            {
                Add(cleaned[start..i]);
                separator = found;
                start = i + 1;
            }
        }
        Add(cleaned[start..]);
        return pieces;

        void Add(string text)
        {
            // An empty part ("a,,b") disappears; the separator before it still counts for the next one.
            // A part that is only a bracket group ("Associate, (Night Shift)") belongs to the part before it.
            if (text.Trim() is not { Length: > 0 } trimmed) return;
            if (pieces.Count > 0 && OutsideBrackets(trimmed).Length == 0) pieces[^1] = pieces[^1] with { Text = $"{pieces[^1].Text} {trimmed}" };
            else pieces.Add(new(pieces.Count == 0 ? "" : separator, trimmed));
        }
    }

    public static string Join(IEnumerable<TitlePiece> pieces)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (text.Length > 0)
                text.Append(piece.Separator switch { "-" => " - ", "|" => " | ", ";" => "; ", _ => ", " });
            text.Append(piece.Text);
        }
        return text.ToString();
    }

    /// <summary>Every part of the title, with bracket groups taken out as parts of their own: the places a marker such
    /// as "(Remote)", "- Contract" or "&lt;Contract&gt;" can stand.</summary>
    public static IEnumerable<string> Segments(string raw)
    {
        foreach (var piece in Pieces(Clean(raw)))
        {
            foreach (Match group in BracketGroup().Matches(piece.Text))
                if (group.Groups["content"].Value.Trim() is { Length: > 0 } content) yield return content;
            if (BracketGroup().Replace(piece.Text, " ").Trim() is { Length: > 0 } outside) yield return outside;
        }
    }

    /// <summary>The text with its bracket groups removed: what the head of a role is read from.</summary>
    public static string OutsideBrackets(string text) => Whitespace().Replace(BracketGroup().Replace(text, " "), " ").Trim();

    [GeneratedRegex(@"[\(\[<\{](?<content>[^\(\)\[\]<>\{\}]*)[\)\]>\}]")]
    public static partial Regex BracketGroup();

    // A spaced hyphen separates ("Sales - EMEA"); a bare one joins words ("Mid-Market", "Pre-training").
    static string? SeparatorAt(string text, int i) => text[i] switch
    {
        ',' or ';' or '|' => text[i].ToString(),
        '-' when i > 0 && i < text.Length - 1 && text[i - 1] == ' ' && text[i + 1] == ' ' => "-",
        _ => null,
    };

    static string WithoutSymbols(string raw)
    {
        var kept = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            // Tabs, line breaks and other controls separate words like a space does.
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control) kept.Append(' ');
            else if (!IsDecoration(rune)) kept.Append(rune.ToString());
        }
        return kept.ToString();
    }

    // Emoji and pictographs are "other symbols"; their joiners, variation selectors and skin tones come with them.
    // Zero-width non-joiner stays: Persian and Indic spellings need it.
    static bool IsDecoration(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol
        || (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format && rune.Value != 0x200C)
        || rune.Value is >= 0xFE00 and <= 0xFE0F or 0x20E3 or >= 0x1F3FB and <= 0x1F3FF;

    static readonly char[] EdgeJunk = ['*', '-', '|', ',', ';', ':', '~', '_', '=', '!', '?', ' '];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // "Manager- SaaS", "Sales -  Ops", "Manager – Product" and "Officer — French Branch" all become " - ".
    [GeneratedRegex(@"\s*[–—]+\s*|(?<=\S)-\s+|\s+-(?=\S)|\s+-\s+")]
    private static partial Regex SpacedDash();

    [GeneratedRegex(@"\s+,")]
    private static partial Regex SpaceBeforeComma();

    // "Specialist(Japanese and English Speaking)"; a short plural mark such as "Engineer(s)" stays glued.
    [GeneratedRegex(@"(\w)([\(\[])(?=[^\)\]]{3})")]
    private static partial Regex GluedOpeningBracket();

    // "!!!", ",,", "--" and "..." shout; "C++" and "C#" are names, so "+" and "#" are left alone.
    [GeneratedRegex(@"([!?.,;:*~=_|/\\-])\1+")]
    private static partial Regex RepeatedPunctuation();
}
