using System.Text.Json.Nodes;
using Ingestor.Archive;
using Ingestor.Polling;
using Ingestor.Storage;
using Ingestor.Replay;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Replay;

/// <summary>
/// The fal board polled live through a scripted history that crosses midnight: opens, an unchanged poll, an update, one posting
/// closed on its job page's 404 and one on its second absence (its page answers 403), a failed poll, a partial snapshot, bytes
/// seen earlier the same day coming back, reopens the next day, an unchanged poll, an update and an unchanged poll again.
/// </summary>
internal static class RecordedBoard
{
    public const long Backend = 4009193009, Inference = 4012000001, Advocate = 4012000002, Platform = 4012000003;

    public static readonly DateTimeOffset FirstPoll = new(2026, 6, 6, 23, 20, 0, 456, TimeSpan.Zero);

    public static readonly DateOnly SecondDay = new(2026, 6, 7);

    public static async Task<TestIngestor> RecordAsync(TestServers servers, ArchiveKind archive)
    {
        // Ticks under the millisecond, which a receipt drops: the archive key names the instant to the millisecond.
        var clock = new ManualClock(FirstPoll.AddTicks(7_891));
        var ingestor = await TestIngestor.StartAsync(servers, archive, clock: clock);
        var all = BoardPayload.Of("fal");
        all.Jobs.Add(all.Job(Backend).DeepClone());
        all.Jobs[^1]!["id"] = Platform;
        all.Jobs[^1]!["title"] = "Platform Engineer";
        all.DeclaringTotal(4);
        var retitled = all.Copy().Edit(Inference, job => job["title"] = "Inference Engineer");
        var dropped = retitled.Copy().Without(Advocate).Without(Backend);
        var partial = dropped.Copy().Without(Platform).DeclaringTotal(2);
        var platformRetitled = retitled.Copy().Edit(Platform, job => job["title"] = "Staff Platform Engineer");
        ingestor.Greenhouse.Script($"fal/jobs/{Backend}", Reply.Error(403));

        foreach (var reply in new[]
                 {
                     all.Reply(), all.Reply(), retitled.Reply(), dropped.Reply(), dropped.Reply(), Reply.Error(404), partial.Reply(),
                     dropped.Reply(), retitled.Reply(), retitled.Reply(), platformRetitled.Reply(), platformRetitled.Reply(),
                 })
        {
            ingestor.Greenhouse.Script("fal", reply);
            await ingestor.PollAsync("fal");
            clock.Advance(TimeSpan.FromMinutes(5));
        }
        return ingestor;
    }

    /// <summary>A fresh database reading the same archive as <paramref name="live"/>.</summary>
    public static Task<TestIngestor> ReplicaAsync(TestServers servers, TestIngestor live, ArchiveKind archive) =>
        TestIngestor.StartAsync(servers, archive, new Dictionary<string, string?>
        {
            ["Archive:Path"] = live.Settings["Archive:Path"],
            ["Archive:Bucket"] = live.Settings["Archive:Bucket"],
        });

    public static BoardReplay ReplayOf(TestIngestor ingestor) => new(
        ingestor.Get<IRawArchive>(), ingestor.Get<BoardPoller>(), ingestor.Get<Boards>(), ingestor.Database);
}
