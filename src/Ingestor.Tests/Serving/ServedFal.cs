using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>
/// The fal board polled through the real pipeline, once per scripted reply, and the read API serving what the polls wrote,
/// with the ids the pages and calls are expected to carry.
/// </summary>
internal sealed class ServedFal : IAsyncDisposable
{
    public const long Backend = 4009193009;
    public const string BackendId = "5d7bb08593f65e24f2b9df8aacb01cb3c3976d37";

    private ServedFal(TestIngestor ingestor, TestReadApi api, IReadOnlyList<PollRecord> polls, Guid orgId, Guid sourceId)
    {
        Ingestor = ingestor;
        Api = api;
        Polls = polls;
        OrgId = orgId;
        SourceId = sourceId;
    }

    public TestIngestor Ingestor { get; }
    public TestReadApi Api { get; }
    public IReadOnlyList<PollRecord> Polls { get; }
    public Guid OrgId { get; }
    public Guid SourceId { get; }

    /// <summary>A clock standing at the output record's poll: every time the posting carries is that instant.</summary>
    public static TimeProvider AtTheRecordedPoll() => new SteppingClock(SteppingClock.RecordDay, TimeSpan.Zero);

    /// <summary>The backend posting's whole lifecycle, a poll each: opened, retitled, gone from the board, back again.</summary>
    public static Reply[] Lifecycle()
    {
        var board = BoardPayload.Of("fal");
        return
        [
            board.Reply(),
            board.Copy().Edit(Backend, job => job["title"] = "Staff Software Engineer, Backend").Reply(),
            board.Copy().Without(Backend).Reply(),
            board.Reply(),
        ];
    }

    /// <summary>Polls fal once per reply (the recorded board when none is given), then serves the database.</summary>
    public static async Task<ServedFal> StartAsync(TestServers servers, TimeProvider? clock = null, params Reply[] replies)
    {
        var ingestor = await TestIngestor.StartAsync(servers, clock: clock);
        replies = replies.Length == 0 ? [Reply.Board("fal")] : replies;
        ingestor.Greenhouse.Script("fal", replies);
        var polls = new List<PollRecord>();
        foreach (var _ in replies)
            polls.Add(await ingestor.PollAsync("fal"));
        var api = await TestReadApi.StartAsync(ingestor.Settings);
        return new ServedFal(ingestor, api, polls,
            await ingestor.ScalarAsync<Guid>("select org_id from orgs"), await ingestor.ScalarAsync<Guid>("select source_id from boards"));
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Ingestor.DisposeAsync();
    }
}
