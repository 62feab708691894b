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
    public void EveryBoardIsOneAlignedLineFollowedByASummary()
    {
        var lines = Report(
            new BoardHealth("greenhouse", "stripe", true, "succeeded", 0, Now.AddMinutes(-3), 547, Now.AddMinutes(7).AddSeconds(5)),
            new BoardHealth("greenhouse", "gone", true, "failed", 12, null, 0, Now.AddSeconds(-90)),
            new BoardHealth("greenhouse", "new-board", true, null, 0, null, 0, Now),
            new BoardHealth("greenhouse", "paused", false, "partial", 0, Now.AddDays(-3), 8, Now.AddDays(-2)))
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "PROVIDER    TOKEN      ENABLED  LAST OUTCOME  FAILURES  LAST SUCCESS (UTC)   ACTIVE  NEXT POLL (UTC)",
            "greenhouse  stripe     yes      succeeded            0  2026-06-06 17:57:00     547  2026-06-06 18:07:05 (in 7m 5s)",
            "greenhouse  gone       yes      failed              12  never                     0  2026-06-06 17:58:30 (due 1m 30s ago)",
            "greenhouse  new-board  yes      never polled         0  never                     0  2026-06-06 18:00:00 (in 0s)",
            "greenhouse  paused     no       partial              0  2026-06-03 18:00:00       8  -",
            "4 boards, 3 enabled, 1 failing | last outcome: 1 succeeded, 1 partial, 1 failed, 1 never polled",
        ], lines);
    }

    [Fact]
    public void NoBoardsSaysHowToAddSome() =>
        Assert.Equal("no boards registered: add some with --add-boards FILE" + Environment.NewLine, Report());
}
