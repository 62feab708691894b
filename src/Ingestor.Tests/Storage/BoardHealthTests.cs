using Ingestor.Providers;
using Ingestor.Providers.Greenhouse;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Storage;

public sealed class BoardHealthTests(TestServers servers)
{
    [Fact]
    public async Task HealthCountsEachBoardsActivePostingsAcrossThousandsOfBoards()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var boards = ingestor.Get<Boards>();
        await boards.AddAsync([.. Enumerable.Range(0, 6_000).Select(i => new BoardName(GreenhouseProvider.ProviderName, $"board-{i:0000}"))], CancellationToken.None);
        ingestor.Greenhouse.Script("board-0001", Reply.Board("fal"));
        ingestor.Greenhouse.Script("board-0002", Reply.Board("fal"), Reply.Json("""{"jobs":[],"meta":{"total":0}}"""));
        await ingestor.PollAsync("board-0001");
        await ingestor.PollAsync("board-0002");
        await ingestor.PollAsync("board-0002");

        var health = await boards.HealthAsync(CancellationToken.None);

        Assert.Equal(6_000, health.Count);
        Assert.Equal(3, health.Single(b => b.BoardToken == "board-0001").ActivePostings);
        Assert.Equal(0, health.Single(b => b.BoardToken == "board-0002").ActivePostings);
        Assert.Equal(3, health.Sum(b => b.ActivePostings));
        Assert.Equal(2, health.Count(b => b.LastSuccessAt is not null));
    }

    [Fact]
    public async Task AddingCountsOnlyBoardsThatWereNew()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var boards = ingestor.Get<Boards>();

        var first = await boards.AddAsync([new BoardName("greenhouse", "fal"), new BoardName("greenhouse", "stripe"), new BoardName("greenhouse", "fal")], CancellationToken.None);
        var second = await boards.AddAsync([new BoardName("greenhouse", "fal"), new BoardName("greenhouse", "airbnb")], CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(1, second);
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*) from boards"));
    }
}
