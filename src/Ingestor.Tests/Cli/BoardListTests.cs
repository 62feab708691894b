using Ingestor.Cli;

namespace Ingestor.Tests.Cli;

public sealed class BoardListTests
{
    [Fact]
    public void TokensAndGreenhousePrefixedTokensAreReadWithCommentsAndBlankLinesSkipped()
    {
        var list = BoardList.Parse([
            "# boards we poll",
            "stripe",
            "",
            "   ",
            "  Fal   # trailing comment",
            "greenhouse:airbnb",
            "GreenHouse: reddit ",
            "#anthropic",
        ]);

        Assert.Empty(list.Problems);
        Assert.Equal(4, list.Read);
        Assert.Equal(
            [new(2, "greenhouse", "stripe"), new(5, "greenhouse", "fal"), new(6, "greenhouse", "airbnb"), new(7, "greenhouse", "reddit")],
            list.Boards);
    }

    [Fact]
    public void ABadLineIsAProblemWithItsNumberAndTextAndTheOthersStillCount()
    {
        var list = BoardList.Parse([
            "stripe",
            "lever:acme",
            "../etc/passwd",
            "greenhouse:",
            "https://boards.greenhouse.io/fal",
            "two words",
            "fal",
        ]);

        Assert.Equal(["stripe", "fal"], list.Boards.Select(b => b.BoardToken));
        Assert.Equal(7, list.Read);
        Assert.Equal([2, 3, 4, 5, 6], list.Problems.Select(p => p.Line));
        Assert.Equal("lever:acme", list.Problems[0].Text);
        Assert.Equal("unknown provider 'lever': only greenhouse boards can be registered today", list.Problems[0].Reason);
        Assert.Equal("'../etc/passwd' is not a Greenhouse board token (letters, digits, '-' and '_' only)", list.Problems[1].Reason);
        Assert.Equal("'' is not a Greenhouse board token (letters, digits, '-' and '_' only)", list.Problems[2].Reason);
        Assert.Equal("unknown provider 'https': only greenhouse boards can be registered today", list.Problems[3].Reason);
    }
}
