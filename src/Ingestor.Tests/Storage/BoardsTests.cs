using Ingestor.Providers;
using Ingestor.Providers.Greenhouse;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Storage;

public sealed class BoardsTests(TestServers servers)
{
    [Fact]
    public async Task ManyBoardsRegisterAtOnceAndAgainWithoutDuplicatesOrLostSettings()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var boards = ingestor.Get<Boards>();
        var tokens = Enumerable.Range(0, 2_000).Select(i => $"board-{i:0000}").ToList();

        var first = await boards.RegisterAsync([.. tokens.Select(Greenhouse)], CancellationToken.None);
        await ingestor.ScalarAsync<int>("update boards set enabled = false where board_token = 'board-0007'");
        var again = await boards.RegisterAsync([.. tokens.Select(Greenhouse), Greenhouse("board-0007"), Greenhouse("new-one")], CancellationToken.None);

        Assert.Equal(tokens.Order(), first.Select(b => b.BoardToken).Order());
        Assert.Equal(2_001, again.Count);
        Assert.Equal(first.Single(b => b.BoardToken == "board-0007").SourceId, again.Single(b => b.BoardToken == "board-0007").SourceId);
        Assert.Equal(2_001, await ingestor.ScalarAsync<int>("select count(*) from boards"));
        Assert.False(await ingestor.ScalarAsync<bool>("select enabled from boards where board_token = 'board-0007'"));
    }

    [Fact]
    public async Task ABoardNamedAgainInAnotherCaseIsTheBoardAlreadyKnownWithItsFirstSpelling()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var boards = ingestor.Get<Boards>();

        var first = await boards.RegisterAsync(new BoardName("lever", "Ubiminds"), CancellationToken.None);
        var again = await boards.RegisterAsync([new BoardName("lever", "ubiminds"), new BoardName("lever", "UBIMINDS")], CancellationToken.None);
        var added = await boards.AddAsync([new BoardName("lever", "ubiMinds"), new BoardName("ashby", "Ubiminds")], CancellationToken.None);

        Assert.Equal(first.SourceId, Assert.Single(again).SourceId);
        Assert.Equal("Ubiminds", again[0].BoardToken);
        Assert.Equal(1, added);
        Assert.Equal(["ashby:Ubiminds", "lever:Ubiminds"],
            (await boards.EnabledAsync(CancellationToken.None)).Select(b => b.Name.ToString()));
    }

    private static BoardName Greenhouse(string token) => new(GreenhouseProvider.ProviderName, token);
}
