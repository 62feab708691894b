using Ingestor.Storage;

namespace Ingestor.Scheduling;

/// <summary>A board's run of failed polls as its row keeps it when a poll ends: read only while the run goes on. Times are UTC.</summary>
public sealed record FailureRun(
    string State, int ConsecutiveFailures, DateTime? FailingSince, DateTime? NotFoundSince, int NotFoundPolls, TimeSpan PollInterval);

/// <summary>
/// What a failed poll makes of its board: its state, the run of failures it extends (and the run of 404s ending it), and
/// how long until its next poll, before jitter. Times are UTC.
/// </summary>
public sealed record FailureVerdict(
    string State, int ConsecutiveFailures, DateTime FailingSince, DateTime? NotFoundSince, int NotFoundPolls, TimeSpan NextPollIn)
{
    /// <summary>This poll confirms the board gone: its active postings close. A gone board's later 404s close nothing more.</summary>
    public bool ClosesPostings { get; init; }
}

/// <summary>
/// Decides a board's state and backoff after a failed poll (a success is <see cref="BoardStates.Ok"/> or
/// <see cref="BoardStates.Empty"/> and polls again an interval on). Pure: the same run, answer and time always give the same verdict.
/// </summary>
public static class BoardStatePolicy
{
    /// <param name="backOff">False for a failure on our side (archive, database): the board keeps its interval.</param>
    public static FailureVerdict AfterFailure(FailureRun before, int? httpStatus, DateTime polledAt, SchedulingOptions options, bool backOff = true)
    {
        var runGoesOn = before.ConsecutiveFailures > 0;
        var failures = before.ConsecutiveFailures + 1;
        var notFound = httpStatus == 404;
        // Any other answer between two 404s breaks their run: only 404 after 404 says the board is gone.
        var notFoundRunGoesOn = notFound && runGoesOn && before.NotFoundPolls > 0 && before.NotFoundSince is not null;
        var notFoundSince = notFound ? notFoundRunGoesOn ? before.NotFoundSince : polledAt : null;
        var notFoundPolls = notFound ? notFoundRunGoesOn ? before.NotFoundPolls + 1 : 1 : 0;

        var isGone = notFoundSince is { } since && notFoundPolls >= options.GoneAfterFailures && polledAt - since >= options.GoneAfter;
        var state = isGone ? BoardStates.Gone : httpStatus is 403 or 429 ? BoardStates.Blocked : BoardStates.Failing;
        return new FailureVerdict(
            state, failures, runGoesOn ? before.FailingSince ?? polledAt : polledAt, notFoundSince, notFoundPolls,
            backOff ? Backoff(before.PollInterval, failures, options.MaxBackoff) : before.PollInterval)
        {
            ClosesPostings = isGone && before.State != BoardStates.Gone,
        };
    }

    /// <summary>
    /// The interval doubled for each failure in a row after the first, up to <paramref name="maxBackoff"/>; never sooner than the
    /// interval itself (a board polled daily does not speed up by failing).
    /// </summary>
    public static TimeSpan Backoff(TimeSpan interval, int consecutiveFailures, TimeSpan maxBackoff)
    {
        var doubled = interval.Ticks * Math.Pow(2, Math.Max(0, consecutiveFailures - 1));
        return doubled >= maxBackoff.Ticks ? TimeSpan.FromTicks(Math.Max(interval.Ticks, maxBackoff.Ticks)) : TimeSpan.FromTicks((long)doubled);
    }
}
