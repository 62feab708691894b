using Ingestor.Scheduling;
using Ingestor.Storage;

namespace Ingestor.Tests.Scheduling;

public sealed class BoardStatePolicyTests
{
    private static readonly DateTime Start = new(2026, 6, 6, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private static readonly SchedulingOptions Options = new();

    private static readonly FailureRun Healthy = new(BoardStates.Ok, 0, null, null, 0, Interval);

    /// <summary>The board after each failed poll, answered <paramref name="statuses"/> at the given hours after <see cref="Start"/>.</summary>
    private static List<FailureVerdict> Fail(FailureRun from, params (double Hours, int? Status)[] polls)
    {
        var verdicts = new List<FailureVerdict>();
        var run = from;
        foreach (var (hours, status) in polls)
        {
            var verdict = BoardStatePolicy.AfterFailure(run, status, Start.AddHours(hours), Options);
            verdicts.Add(verdict);
            run = new FailureRun(verdict.State, verdict.ConsecutiveFailures, verdict.FailingSince, verdict.NotFoundSince, verdict.NotFoundPolls, Interval);
        }
        return verdicts;
    }

    [Fact]
    public void A404RunBecomesGoneOnlyWithEnoughPollsAndEnoughHoursAndClosesOnce()
    {
        var verdicts = Fail(Healthy, (0, 404), (1, 404), (2, 404), (5.5, 404), (6, 404), (12, 404));

        Assert.Equal(
            [BoardStates.Failing, BoardStates.Failing, BoardStates.Failing, BoardStates.Failing, BoardStates.Gone, BoardStates.Gone],
            verdicts.Select(v => v.State));
        Assert.Equal([false, false, false, false, true, false], verdicts.Select(v => v.ClosesPostings));
        Assert.All(verdicts, v => Assert.Equal(Start, v.NotFoundSince));
        Assert.Equal([1, 2, 3, 4, 5, 6], verdicts.Select(v => v.NotFoundPolls));
    }

    [Fact]
    public void ManyHoursOfFewer404sThanRequiredStayFailing()
    {
        var verdicts = Fail(Healthy, (0, 404), (24, 404));

        Assert.All(verdicts, v => Assert.Equal(BoardStates.Failing, v.State));
        Assert.DoesNotContain(verdicts, v => v.ClosesPostings);
    }

    [Fact]
    public void AnyOtherFailureBetween404sStartsTheir404RunAgain()
    {
        var verdicts = Fail(Healthy, (0, 404), (1, 404), (2, 500), (7, 404), (8, 404), (9, 404), (13, 404));

        Assert.Equal([1, 2, 0, 1, 2, 3, 4], verdicts.Select(v => v.NotFoundPolls));
        Assert.Null(verdicts[2].NotFoundSince);
        Assert.Equal(Start.AddHours(7), verdicts[^1].NotFoundSince);
        Assert.Equal(BoardStates.Gone, verdicts[^1].State);
        Assert.All(verdicts[..^1], v => Assert.NotEqual(BoardStates.Gone, v.State));
        Assert.All(verdicts, v => Assert.Equal(Start, v.FailingSince));
    }

    [Fact]
    public void ASuccessEndsTheRunSoTheNextFailureStartsAnother()
    {
        // What a success leaves on the row: consecutive_failures 0 and the old run's columns, which no longer count.
        var afterSuccess = new FailureRun(BoardStates.Ok, 0, Start, Start, 5, Interval);

        var verdict = BoardStatePolicy.AfterFailure(afterSuccess, 404, Start.AddHours(30), Options);

        Assert.Equal((BoardStates.Failing, 1, 1), (verdict.State, verdict.ConsecutiveFailures, verdict.NotFoundPolls));
        Assert.Equal(Start.AddHours(30), verdict.FailingSince);
        Assert.Equal(Start.AddHours(30), verdict.NotFoundSince);
        Assert.Equal(Interval, verdict.NextPollIn);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public void ARefusalIsBlocked(int status) =>
        Assert.Equal(BoardStates.Blocked, BoardStatePolicy.AfterFailure(Healthy, status, Start, Options).State);

    [Theory]
    [InlineData(500)]
    [InlineData(null)]
    public void AnyOtherFailureIsFailing(int? status) =>
        Assert.Equal(BoardStates.Failing, BoardStatePolicy.AfterFailure(Healthy, status, Start, Options).State);

    [Fact]
    public void AGoneBoardThatAnswersAnotherErrorIsFailingAndClosesNothing()
    {
        var verdict = Fail(Healthy, (0, 404), (3, 404), (7, 404), (8, 503))[^1];

        Assert.Equal(BoardStates.Failing, verdict.State);
        Assert.False(verdict.ClosesPostings);
    }

    [Fact]
    public void BackoffDoublesTheIntervalForEachFailureAfterTheFirstUpToTheCap()
    {
        var backoffs = Enumerable.Range(1, 8).Select(failures => BoardStatePolicy.Backoff(Interval, failures, TimeSpan.FromHours(6)).TotalMinutes);

        Assert.Equal([10, 20, 40, 80, 160, 320, 360, 360], backoffs);
        Assert.Equal(TimeSpan.FromHours(6), BoardStatePolicy.Backoff(Interval, 10_000, TimeSpan.FromHours(6)));
    }

    [Fact]
    public void BackoffIsNeverSoonerThanTheBoardsOwnInterval() =>
        Assert.Equal(TimeSpan.FromDays(1), BoardStatePolicy.Backoff(TimeSpan.FromDays(1), 3, TimeSpan.FromHours(6)));

    [Fact]
    public void EachFailureInARowBacksOffFurther() =>
        Assert.Equal([10, 20, 40], Fail(Healthy, (0, 500), (1, 429), (2, 404)).Select(v => v.NextPollIn.TotalMinutes));

    [Fact]
    public void AFailureOfOursCountsButKeepsTheBoardsInterval()
    {
        var third = new FailureRun(BoardStates.Failing, 2, Start, null, 0, Interval);

        var verdict = BoardStatePolicy.AfterFailure(third, null, Start.AddHours(1), Options, backOff: false);

        Assert.Equal((BoardStates.Failing, 3, Interval), (verdict.State, verdict.ConsecutiveFailures, verdict.NextPollIn));
    }
}
