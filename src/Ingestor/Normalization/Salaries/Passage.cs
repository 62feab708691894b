using System.Text;
using System.Text.RegularExpressions;

namespace Ingestor.Normalization.Salaries;

/// <summary>
/// A description with every run of whitespace collapsed to one character: '\n' where the run broke a line, else ' '.
/// Positions are those of the contract's collapsed text (runs of whitespace → one space), so <see cref="Raw"/> cuts the same passage.
/// </summary>
internal sealed partial class Passage
{
    private const int RawCharsBefore = 20;
    private const int RawCharsAfter = 80;
    private const int LabelChars = 120;
    private const int AfterChars = 120;
    private const int AnnouncementChars = 400;

    public Passage(string text) => Text = Collapse(text);

    public string Text { get; }

    /// <summary>The sentence leading up to <paramref name="start"/> (at most 120 characters), where a figure's label stands.</summary>
    public string LabelBefore(int start)
    {
        var from = Math.Max(0, start - LabelChars);
        var window = Text[from..start];
        var lastBoundary = SentenceEndPattern().Match(window);
        return lastBoundary.Success ? window[(lastBoundary.Index + lastBoundary.Length)..] : window;
    }

    /// <summary>The text up to <paramref name="start"/> across sentences, where an announcement of figures below may stand.</summary>
    public string Preceding(int start) => Text[Math.Max(0, start - AnnouncementChars)..start];

    public string After(int end) => Text[end..Math.Min(Text.Length, end + AfterChars)];

    /// <summary>Whether a full stop ends a sentence between two positions; a semicolon does not ("$150,000 in New York; $130,000 in Austin").</summary>
    public bool SentenceEndsBetween(int from, int to) => from > to || FullStopPattern().IsMatch(Text[from..to]);

    /// <summary>
    /// The contract's passage: 20 characters before the first figure and 80 after the last, a word cut at either edge dropped, trimmed.
    /// The figures themselves are never cut, even when a word runs into them.
    /// </summary>
    public string Raw(int start, int end)
    {
        var from = Math.Max(0, start - RawCharsBefore);
        var to = Math.Min(Text.Length, end + RawCharsAfter);
        if (from > 0 && !char.IsWhiteSpace(Text[from - 1]))
            while (from < start && !char.IsWhiteSpace(Text[from]))
                from++;
        if (to < Text.Length && !char.IsWhiteSpace(Text[to]))
            while (to > end && !char.IsWhiteSpace(Text[to - 1]))
                to--;
        return Text[from..to].Replace('\n', ' ').Trim();
    }

    private static string Collapse(string text)
    {
        // A description from HtmlText is already collapsed.
        if (IsCollapsed(text))
            return text;
        var collapsed = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            if (!char.IsWhiteSpace(text[index]))
            {
                collapsed.Append(text[index++]);
                continue;
            }
            var breaksLine = false;
            for (; index < text.Length && char.IsWhiteSpace(text[index]); index++)
                breaksLine |= text[index] is '\n' or '\r';
            collapsed.Append(breaksLine ? '\n' : ' ');
        }
        return collapsed.ToString();
    }

    // Only plain spaces and line breaks, never two together.
    private static bool IsCollapsed(string text) =>
        !text.AsSpan().ContainsAny(WhiteSpace.OtherThanSpaceOrLineBreak)
        && !text.Contains("  ", StringComparison.Ordinal) && !text.Contains(" \n", StringComparison.Ordinal)
        && !text.Contains("\n ", StringComparison.Ordinal) && !text.Contains("\n\n", StringComparison.Ordinal);

    /// <summary>The last sentence end in a window: ". ", "! ", "? ", "; " or a bullet. "e.g. " also matches, which only shortens a label.</summary>
    [GeneratedRegex(@"(?:[.!?;]\s|[•▪●]\s?)(?!.*(?:[.!?;]\s|[•▪●]))", RegexOptions.Singleline)]
    private static partial Regex SentenceEndPattern();

    [GeneratedRegex(@"[.!?](?:\s|$)")]
    private static partial Regex FullStopPattern();
}
