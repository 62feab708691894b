using Ingestor.Archive;
using Ingestor.Replay;

namespace Ingestor.Tests.Replay;

public sealed class ReplayPlanTests
{
    private static readonly string A = new('a', 64), B = new('b', 64);

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 6, day, hour, minute, 0, 123, TimeSpan.Zero);

    private static string Payload(DateTimeOffset at, string sha) => ArchiveKey.For("greenhouse", "fal", at, sha);

    private static string Record(DateTimeOffset at, string sha) => ArchiveKey.ForPoll("greenhouse", "fal", at, sha);

    [Fact]
    public void PollsReplayInTheOrderOfTheirInstantsAndARecordOfBytesSeenEarlierThatDayAppliesThatDaysObject()
    {
        var first = Payload(At(6, 10, 0), A);
        var firstChecks = Record(At(6, 10, 0), A);
        var other = Payload(At(6, 11, 0), B);
        var again = Record(At(6, 12, 0), A);
        var nextDay = Payload(At(7, 9, 0), A);

        var steps = ReplayPlan.From([nextDay, again, other, firstChecks, first], since: null);

        Assert.Equal(
            [
                new ReplayStep(new DateOnly(2026, 6, 6), At(6, 10, 0), A, first, firstChecks),
                new ReplayStep(new DateOnly(2026, 6, 6), At(6, 11, 0), B, other, null),
                new ReplayStep(new DateOnly(2026, 6, 6), At(6, 12, 0), A, first, again),
                new ReplayStep(new DateOnly(2026, 6, 7), At(7, 9, 0), A, nextDay, null),
            ],
            steps);
    }

    [Fact]
    public void SinceLeavesOutTheDaysBeforeIt()
    {
        var steps = ReplayPlan.From([Payload(At(6, 10, 0), A), Payload(At(7, 9, 0), B)], since: new DateOnly(2026, 6, 7));

        Assert.Equal([B], steps.Select(s => s.Sha256));
    }

    [Fact]
    public void ARecordWhosePayloadItsDayDoesNotHoldStopsThePlanNamingTheRecord()
    {
        var orphan = Record(At(7, 9, 0), A);

        var error = Assert.Throws<UnreadableArchiveObjectException>(() => ReplayPlan.From([Payload(At(6, 10, 0), A), orphan], since: null));

        Assert.Equal(orphan, error.Key);
    }

    [Fact]
    public void AnObjectNotNamedAsTheArchiveNamesObjectsIsReportedNotSkipped()
    {
        const string stray = "raw/provider=greenhouse/board=fal/date=2026-06-06/notes.txt";

        var error = Assert.Throws<UnreadableArchiveObjectException>(() => ReplayPlan.From([Payload(At(6, 10, 0), A), stray], since: null));

        Assert.Equal(stray, error.Key);
    }
}
