using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class FoldedTextTests
{
    [Fact]
    public void PiecesFoldIntoTheLinesAndWordsOfTheirWholeText()
    {
        var folded = new FoldedText();
        folded.Append("  Café\u00A0&  bar\t");
        folded.Append("team\r\n\n");
        folded.BreakLine();
        folded.Append("- ");
        folded.Append("Go");
        folded.BreakLine();

        Assert.Equal("Café & bar team\n- Go", folded.ToString());
    }

    [Fact]
    public void AnyPiecesFoldAsSplittingTheirTextIntoLinesAndWordsWould()
    {
        string[] parts = ["a", "bc", "d-e", " ", "  ", "   ", "\n", "\t", "\r", "\u00A0", "\u2003", "\u3000", "\u200B", "- ", "x y", "x  y", " x ", "\n \n"];
        var random = new Random(20261130);
        for (var sample = 0; sample < 5000; sample++)
        {
            var folded = new FoldedText();
            var whole = new System.Text.StringBuilder();
            for (var piece = random.Next(12); piece >= 0; piece--)
            {
                if (random.Next(6) == 0)
                {
                    folded.BreakLine();
                    whole.Append('\n');
                    continue;
                }
                var text = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => parts[random.Next(parts.Length)]));
                folded.Append(text);
                whole.Append(text);
            }

            var lines = whole.ToString().Split('\n')
                .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                .Where(line => line.Length > 0);
            Assert.Equal(string.Join('\n', lines), folded.ToString());
        }
    }
}
