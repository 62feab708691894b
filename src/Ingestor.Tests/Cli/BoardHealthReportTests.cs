using Ingestor.Cli;
using Ingestor.Storage;

namespace Ingestor.Tests.Cli;

public sealed class BoardHealthReportTests
{
    private static readonly DateTime Now = new(2026, 6, 6, 18, 0, 0, DateTimeKind.Utc);

    private static string Report(params BoardHealth[] boards)
    {
        var output = new StringWriter();
        BoardHealthReport.Write(boards, new DateTimeOffset(Now), output);
        return output.ToString();
    }

    [Fact]
    public void EveryBoardIsOneAlignedLineWithItsStateFollowedByASummary()
    {
        var lines = Report(
            new BoardHealth("greenhouse", "stripe", true, BoardStates.Ok, "succeeded", 0, null, null, Now.AddMinutes(-3), 547, Now.AddMinutes(7).AddSeconds(5)),
            new BoardHealth("greenhouse", "gone", true, BoardStates.Gone, "failed", 12, 404, Now.AddDays(-2), null, 0, Now.AddSeconds(-90)),
            new BoardHealth("greenhouse", "refused", true, BoardStates.Blocked, "failed", 3, 429, Now.AddHours(-1), Now.AddHours(-1), 4, Now.AddMinutes(40)),
            new BoardHealth("greenhouse", "new-board", true, BoardStates.Ok, null, 0, null, null, null, 0, Now),
            new BoardHealth("greenhouse", "paused", false, BoardStates.Empty, "partial", 0, null, null, Now.AddDays(-3), 8, Now.AddDays(-2)))
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "PROVIDER    TOKEN      ENABLED  STATE               LAST OUTCOME  FAILURES  LAST SUCCESS (UTC)   ACTIVE  NEXT POLL (UTC)",
            "greenhouse  stripe     yes      ok                  succeeded            0  2026-06-06 17:57:00     547  2026-06-06 18:07:05 (in 7m 5s)",
            "greenhouse  gone       yes      gone (HTTP 404)     failed              12  never                     0  2026-06-06 17:58:30 (due 1m 30s ago, backing off)",
            "greenhouse  refused    yes      blocked (HTTP 429)  failed               3  2026-06-06 17:00:00       4  2026-06-06 18:40:00 (in 40m 0s, backing off)",
            "greenhouse  new-board  yes      ok                  never polled         0  never                     0  2026-06-06 18:00:00 (in 0s)",
            "greenhouse  paused     no       empty               partial              0  2026-06-03 18:00:00       8  -",
            "5 boards, 4 enabled (2 ok, 1 blocked, 1 gone) | last outcome: 1 succeeded, 1 partial, 2 failed, 1 never polled",
        ], lines);
    }

    [Fact]
    public void NoBoardsSaysHowToAddSome() =>
        Assert.Equal("no boards registered: add some with --add-boards FILE" + Environment.NewLine, Report());
}
