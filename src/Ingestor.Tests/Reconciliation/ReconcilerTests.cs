using Ingestor.Reconciliation;

namespace Ingestor.Tests.Reconciliation;

public sealed class ReconcilerTests
{
    private static SeenPosting Seen(string id, string title = "t", string source = "s") =>
        new(id, $"content:{title}", $"source:{title}:{source}", new Dictionary<string, string> { ["title"] = title, ["description"] = "d" });

    private static StoredPosting Stored(string id, bool active = true, string title = "t", string source = "s", bool? listed = null) =>
        new(id, active, $"content:{title}", $"source:{title}:{source}", new Dictionary<string, string> { ["title"] = title, ["description"] = "d" },
            InLatestSnapshot: listed ?? active);

    private static readonly Guid ThisPoll = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid EarlierPoll = Guid.Parse("00000000-0000-0000-0000-000000000001");

    /// <param name="pending">Postings the complete snapshot before this one lacked too.</param>
    /// <param name="checks">What the own endpoints of some missing postings answered.</param>
    private static ReconcilePlan Plan(
        IReadOnlyList<SeenPosting> seen, IReadOnlyCollection<StoredPosting> stored, bool complete = true, IEnumerable<string>? pending = null,
        IReadOnlyDictionary<string, JobPresence>? checks = null) =>
        Reconciler.Plan(
            seen, stored, complete,
            new CloseEvidence(ThisPoll, (pending ?? []).ToDictionary(id => id, _ => EarlierPoll), checks ?? new Dictionary<string, JobPresence>()),
            new ClosePolicy(MaxCloseFraction: 0.5, MinActiveForGuard: 10));

    private static IEnumerable<string> Ids(IEnumerable<PlannedClose> closes) => closes.Select(c => c.JobId);

    [Fact]
    public void APostingSeenForTheFirstTimeOpens()
    {
        var plan = Plan([Seen("a")], []);
        Assert.Equal(PostingChange.Opened, Assert.Single(plan.Seen).Change);
        Assert.Equal("opened", plan.Seen[0].EventType);
    }

    [Fact]
    public void APostingSentAgainUnchangedHasNoEvent()
    {
        var plan = Plan([Seen("a")], [Stored("a")]);
        Assert.Equal(PostingChange.Unchanged, plan.Seen[0].Change);
        Assert.Null(plan.Seen[0].EventType);
        Assert.False(plan.Seen[0].RewritesRow);
    }

    [Fact]
    public void AChangedPostingIsUpdatedNamingTheFieldsThatChanged()
    {
        var plan = Plan([Seen("a", title: "new")], [Stored("a", title: "old")]);
        Assert.Equal(PostingChange.Updated, plan.Seen[0].Change);
        Assert.Equal(["title"], plan.Seen[0].ChangedFields);
    }

    [Fact]
    public void AChangeOnlyInVolatileSourceFieldsRefreshesTheRowWithoutAnEvent()
    {
        var plan = Plan([Seen("a", source: "updated_at moved")], [Stored("a")]);
        Assert.Equal(PostingChange.Refreshed, plan.Seen[0].Change);
        Assert.Null(plan.Seen[0].EventType);
        Assert.True(plan.Seen[0].RewritesRow);
    }

    [Fact]
    public void APostingMissingOnceWaitsForTheNextCompleteSnapshot()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b")]);
        Assert.Empty(plan.Closed);
        Assert.Null(plan.ClosesHeldBecause);
        Assert.Equal(new Dictionary<string, Guid> { ["b"] = ThisPoll }, plan.PendingCloses);
    }

    [Fact]
    public void APostingMissingFromTwoCompleteSnapshotsInARowClosesNamingThePollThatFirstMissedIt()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b")], pending: ["b"]);
        var close = Assert.Single(plan.Closed);
        Assert.Equal(new PlannedClose("b", CloseReason.AbsentTwice, EarlierPoll), close);
        Assert.Equal("absent_twice", close.ReasonName);
        Assert.Empty(plan.PendingCloses);
    }

    [Fact]
    public void APostingWhosePageAnswersGoneClosesOnItsFirstAbsence()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b"), Stored("c")], checks: new Dictionary<string, JobPresence> { ["b"] = JobPresence.Gone });
        Assert.Equal([new PlannedClose("b", CloseReason.ConfirmedGone, null)], plan.Closed);
        Assert.Equal("confirmed_gone", plan.Closed[0].ReasonName);
        Assert.Equal(["c"], plan.PendingCloses.Keys);
    }

    [Fact]
    public void AnUnsettledCheckLeavesTheRuleOfTwoAbsences()
    {
        var unknown = new Dictionary<string, JobPresence> { ["b"] = JobPresence.Unknown, ["c"] = JobPresence.Unknown };
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b"), Stored("c")], pending: ["c"], checks: unknown);
        Assert.Equal([new PlannedClose("c", CloseReason.AbsentTwice, EarlierPoll)], plan.Closed);
        Assert.Equal(["b"], plan.PendingCloses.Keys);
    }

    [Fact]
    public void APostingWhosePageStillAnswersStaysOpenAndNothingClosesOnThatListsAbsence()
    {
        var checks = new Dictionary<string, JobPresence> { ["b"] = JobPresence.Present, ["c"] = JobPresence.Gone };
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b"), Stored("c"), Stored("d"), Stored("e")], pending: ["d"], checks: checks);

        // c's own page says it is gone: that stands whatever the list; d and e have only the list's word, which b disproves.
        Assert.Equal(["c"], Ids(plan.Closed));
        Assert.Contains("the list left out 1 active posting(s) whose own page still answers (b)", plan.ClosesHeldBecause);
        Assert.Equal(new Dictionary<string, Guid> { ["d"] = EarlierPoll }, plan.PendingCloses);
    }

    [Fact]
    public void AnIncompleteSnapshotClosesNothingAndKeepsWhatWasPendingButNotWhatItSaw()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b"), Stored("c")], complete: false, pending: ["a", "b"],
            checks: new Dictionary<string, JobPresence> { ["c"] = JobPresence.Gone });
        Assert.Empty(plan.Closed);
        Assert.Null(plan.ClosesHeldBecause);
        Assert.Equal(new Dictionary<string, Guid> { ["b"] = EarlierPoll }, plan.PendingCloses);
    }

    [Fact]
    public void AnInactivePostingMissingAgainIsNotClosedTwice()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b", active: false)], pending: ["b"]);
        Assert.Empty(plan.Closed);
        Assert.Empty(plan.PendingCloses);
    }

    [Fact]
    public void AMissingPostingSeenAgainLeavesThePendingCloses()
    {
        var plan = Plan([Seen("a"), Seen("b")], [Stored("a"), Stored("b", listed: false)], pending: ["b"]);
        Assert.Empty(plan.Closed);
        Assert.Empty(plan.PendingCloses);
    }

    [Fact]
    public void TheChecksGoFirstToThePostingsAboutToCloseThenToTheRestWithinTheBudget()
    {
        var stored = new[] { Stored("a"), Stored("b"), Stored("c"), Stored("d"), Stored("e", active: false) };
        var pending = new Dictionary<string, Guid> { ["d"] = EarlierPoll };

        Assert.Equal(["d", "b"], Reconciler.ToCheck(new HashSet<string> { "a" }, stored, pending, budget: 2));
        Assert.Equal(["d", "b", "c"], Reconciler.ToCheck(new HashSet<string> { "a" }, stored, pending, budget: 10));
        Assert.Empty(Reconciler.ToCheck(new HashSet<string> { "a" }, stored, pending, budget: 0));
    }

    [Fact]
    public void AnInactivePostingSeenAgainReopens()
    {
        var plan = Plan([Seen("a")], [Stored("a", active: false)]);
        Assert.Equal(PostingChange.Reopened, plan.Seen[0].Change);
        Assert.Equal("reopened", plan.Seen[0].EventType);
        Assert.Empty(plan.Seen[0].ChangedFields);
    }

    [Fact]
    public void AReopenedPostingThatAlsoChangedNamesTheChangedFieldsInItsOneEvent()
    {
        var plan = Plan([Seen("a", title: "new")], [Stored("a", active: false, title: "old")]);
        Assert.Equal(PostingChange.Reopened, plan.Seen[0].Change);
        Assert.Equal(["title"], plan.Seen[0].ChangedFields);
    }

    [Fact]
    public void AMassDisappearanceIsHeldAsPartialUntilTheNextCompleteSnapshotConfirmsIt()
    {
        var stored = Enumerable.Range(0, 20).Select(i => Stored($"p{i:00}")).ToList();
        var survivors = stored.Take(5).Select(p => Seen(p.JobId)).ToList();

        var first = Plan(survivors, stored);
        Assert.Empty(first.Closed);
        Assert.Contains("15 of 20", first.ClosesHeldBecause);
        Assert.Equal(15, first.PendingCloses.Count);

        var confirmed = Plan(survivors, stored, pending: first.PendingCloses.Keys);
        Assert.Equal(15, confirmed.Closed.Count);
        Assert.All(confirmed.Closed, close => Assert.Equal(CloseReason.AbsentTwice, close.Reason));
        Assert.Null(confirmed.ClosesHeldBecause);
    }

    [Fact]
    public void HalfOfASmallBoardMissingIsNotAMassDisappearance()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b"), Stored("c")]);
        Assert.Null(plan.ClosesHeldBecause);
        Assert.Equal(["b", "c"], plan.PendingCloses.Keys.Order());
    }

    [Fact]
    public void AnEmptyCompleteSnapshotOfALargeBoardIsHeldFirstEvenWhenSomePagesConfirm()
    {
        var stored = Enumerable.Range(0, 12).Select(i => Stored($"p{i:00}")).ToList();
        var plan = Plan([], stored, checks: new Dictionary<string, JobPresence> { ["p00"] = JobPresence.Gone });
        Assert.Equal(["p00"], Ids(plan.Closed));
        Assert.Contains("12 of 12", plan.ClosesHeldBecause);
        Assert.Equal(11, plan.PendingCloses.Count);
    }

    [Fact]
    public void PostingsListedBeforeAndMissingNowLeaveTheLatestSnapshotWhetherOrNotTheyClose()
    {
        var complete = Plan([Seen("a")], [Stored("a"), Stored("b"), Stored("c", active: false)], pending: ["b"]);
        var partial = Plan([Seen("a")], [Stored("a"), Stored("b")], complete: false, pending: ["b"]);

        Assert.Equal(["b"], complete.Unlisted);
        Assert.Equal(["b"], Ids(complete.Closed));
        Assert.Equal(["b"], partial.Unlisted);
        Assert.Empty(partial.Closed);
    }

    [Fact]
    public void AnUnchangedPostingMissingFromTheLastSnapshotIsRelistedWithoutARewrite()
    {
        var plan = Plan([Seen("a"), Seen("b")], [Stored("a"), Stored("b", listed: false)]);

        Assert.Equal(["b"], plan.Relisted);
        Assert.Empty(plan.Unlisted);
        Assert.All(plan.Seen, p => Assert.False(p.RewritesRow));
    }

    [Fact]
    public void APostingWhoseRowIsRewrittenIsNotRelistedSeparately()
    {
        var plan = Plan([Seen("a", title: "new"), Seen("b")], [Stored("a", title: "old", listed: false), Stored("b", active: false)]);

        Assert.Empty(plan.Relisted);
        Assert.Equal([PostingChange.Updated, PostingChange.Reopened], plan.Seen.Select(p => p.Change));
    }
}
