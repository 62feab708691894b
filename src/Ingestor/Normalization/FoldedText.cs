using System.Text;

namespace Ingestor.Normalization;

/// <summary>
/// Plain text gathered piece by piece into lines: every line break ('\n') ends a line, every other run of white space
/// (<see cref="char.IsWhiteSpace(char)"/>) between words is one space, and lines without a word are left out.
/// </summary>
internal sealed class FoldedText
{
    private readonly StringBuilder text = new();
    private bool lineHasWord;
    private bool spaceBeforeNextWord;

    public void Append(ReadOnlySpan<char> piece)
    {
        while (!piece.IsEmpty)
        {
            var end = piece.IndexOfAny(WhiteSpace.OtherThanSpace);
            AppendSpaced(end < 0 ? piece : piece[..end]);
            if (end < 0)
                return;
            if (piece[end] == '\n')
                BreakLine();
            else
                Space();
            piece = piece[(end + 1)..];
        }
    }

    public void BreakLine() => (lineHasWord, spaceBeforeNextWord) = (false, false);

    public override string ToString() => text.ToString();

    /// <summary>Words and plain spaces. Words one space apart, as most text is, go in together.</summary>
    private void AppendSpaced(ReadOnlySpan<char> spaced)
    {
        var words = spaced.Trim(' ');
        if (words.Length < spaced.Length && spaced[0] == ' ')
            Space();
        if (!words.Contains("  ", StringComparison.Ordinal))
            AppendWords(words);
        else
            foreach (var range in words.Split(' '))
            {
                if (range.Start.Value > 0)
                    Space();
                AppendWords(words[range]);
            }
        if (words.Length < spaced.Length && spaced[^1] == ' ')
            Space();
    }

    private void Space() => spaceBeforeNextWord = lineHasWord;

    private void AppendWords(ReadOnlySpan<char> words)
    {
        if (words.IsEmpty)
            return;
        if (!lineHasWord && text.Length > 0)
            text.Append('\n');
        else if (spaceBeforeNextWord)
            text.Append(' ');
        text.Append(words);
        (lineHasWord, spaceBeforeNextWord) = (true, false);
    }
}
