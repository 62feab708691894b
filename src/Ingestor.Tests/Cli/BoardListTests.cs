using Ingestor.Cli;
using Ingestor.Providers;
using Ingestor.Tests.Infrastructure;

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
        ], TestProviders.Catalog);

        Assert.Empty(list.Problems);
        Assert.Equal(4, list.Read);
        Assert.Equal(
            [new(2, new BoardName("greenhouse", "stripe")), new(5, new BoardName("greenhouse", "fal")),
             new(6, new BoardName("greenhouse", "airbnb")), new(7, new BoardName("greenhouse", "reddit"))],
            list.Boards);
    }

    [Fact]
    public void ABadLineIsAProblemWithItsNumberAndTextAndTheOthersStillCount()
    {
        var list = BoardList.Parse([
            "stripe",
            "workday:acme",
            "../etc/passwd",
            "greenhouse:",
            "https://boards.greenhouse.io/fal",
            "two words",
            "fal",
        ], TestProviders.Catalog);

        Assert.Equal(["stripe", "fal"], list.Boards.Select(b => b.Board.Token));
        Assert.Equal(7, list.Read);
        Assert.Equal([2, 3, 4, 5, 6], list.Problems.Select(p => p.Line));
        Assert.Equal("workday:acme", list.Problems[0].Text);
        Assert.StartsWith("unknown provider 'workday' (known: ", list.Problems[0].Reason);
        Assert.StartsWith("'../etc/passwd' is not a board token: use letters, digits, '-' and '_' only", list.Problems[1].Reason);
        Assert.StartsWith("'' is not a board token", list.Problems[2].Reason);
        Assert.StartsWith("unknown provider 'https'", list.Problems[3].Reason);
    }
}
