using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>
/// Two companies' boards ingested through the real pipeline once for the slice tests, which only read: stripe (547 postings)
/// and fal (3, polled again without one of them, so one is inactive), and the read API over them.
/// </summary>
public sealed class SlicedBoards(TestServers servers) : IAsyncLifetime
{
    public const string Collection = nameof(SlicedBoards);
    public const long FalBackend = 4009193009;

    public TestIngestor Ingestor { get; private set; } = null!;
    public TestReadApi Api { get; private set; } = null!;
    public Guid StripeOrgId { get; private set; }
    public Guid FalSourceId { get; private set; }

    /// <summary>When fal's postings opened (and last changed): after every stripe posting.</summary>
    public DateTime FalOpenedAt { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        Ingestor.Greenhouse.Script("stripe", Reply.Board("stripe"));
        Ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Copy().Without(FalBackend).Reply());
        await Ingestor.PollAsync("stripe");
        await Ingestor.PollAsync("fal");
        await Ingestor.PollAsync("fal");
        StripeOrgId = await Ingestor.ScalarAsync<Guid>("select org_id from boards where board_token = 'stripe'");
        FalSourceId = await Ingestor.ScalarAsync<Guid>("select source_id from boards where board_token = 'fal'");
        FalOpenedAt = await Ingestor.ScalarAsync<DateTime>("select min(first_seen_at) from postings where source_id = @FalSourceId", new { FalSourceId });
        Api = await TestReadApi.StartAsync(Ingestor.Settings);
    }

    /// <summary>The ids of the postings a condition on the view <c>postings</c> selects, as the test writes it.</summary>
    public async Task<HashSet<string>> SelectAsync(string condition, object? parameters = null) =>
        [.. await Ingestor.QueryAsync<string>($"select job_id from postings where {condition}", parameters)];

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Ingestor.DisposeAsync();
    }
}

[CollectionDefinition(SlicedBoards.Collection)]
public sealed class SlicedBoardsCollection : ICollectionFixture<SlicedBoards>;
