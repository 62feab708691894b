using Ingestor.Reconciliation;

namespace Ingestor.Tests.Reconciliation;

public sealed class ReconcilerTests
{
    private static SeenPosting Seen(string id, string title = "t", string source = "s") =>
        new(id, $"content:{title}", $"source:{title}:{source}", new Dictionary<string, string> { ["title"] = title, ["description"] = "d" });

    private static StoredPosting Stored(string id, bool active = true, string title = "t", string source = "s", bool? listed = null) =>
        new(id, active, $"content:{title}", $"source:{title}:{source}", new Dictionary<string, string> { ["title"] = title, ["description"] = "d" },
            InLatestSnapshot: listed ?? active);

    private static ReconcilePlan Plan(IReadOnlyList<SeenPosting> seen, IReadOnlyCollection<StoredPosting> stored, bool complete = true, bool held = false) =>
        Reconciler.Plan(seen, stored, complete, held, new ClosePolicy(MaxCloseFraction: 0.5, MinActiveForGuard: 10));

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
    public void AnActivePostingMissingFromACompleteSnapshotCloses()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b")]);
        Assert.Equal(["b"], plan.Closed);
        Assert.Null(plan.ClosesHeldBecause);
    }

    [Fact]
    public void AnIncompleteSnapshotClosesNothing()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b")], complete: false);
        Assert.Empty(plan.Closed);
        Assert.Null(plan.ClosesHeldBecause);
    }

    [Fact]
    public void AnInactivePostingMissingAgainIsNotClosedTwice()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b", active: false)]);
        Assert.Empty(plan.Closed);
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
    public void AMassDisappearanceIsHeldUntilTheNextCompleteSnapshotConfirmsIt()
    {
        var stored = Enumerable.Range(0, 20).Select(i => Stored($"p{i:00}")).ToList();
        var survivors = stored.Take(5).Select(p => Seen(p.JobId)).ToList();

        var first = Plan(survivors, stored);
        Assert.Empty(first.Closed);
        Assert.Contains("15 of 20", first.ClosesHeldBecause);

        var confirmed = Plan(survivors, stored, held: true);
        Assert.Equal(15, confirmed.Closed.Count);
        Assert.Null(confirmed.ClosesHeldBecause);
    }

    [Fact]
    public void ClosingHalfOfASmallBoardIsNotAMassDisappearance()
    {
        var plan = Plan([Seen("a")], [Stored("a"), Stored("b"), Stored("c")]);
        Assert.Equal(["b", "c"], plan.Closed);
    }

    [Fact]
    public void AnEmptyCompleteSnapshotOfALargeBoardIsHeldFirst()
    {
        var stored = Enumerable.Range(0, 12).Select(i => Stored($"p{i}")).ToList();
        var plan = Plan([], stored);
        Assert.Empty(plan.Closed);
        Assert.NotNull(plan.ClosesHeldBecause);
    }

    [Fact]
    public void PostingsListedBeforeAndMissingNowLeaveTheLatestSnapshotWhetherOrNotTheyClose()
    {
        var complete = Plan([Seen("a")], [Stored("a"), Stored("b"), Stored("c", active: false)]);
        var partial = Plan([Seen("a")], [Stored("a"), Stored("b")], complete: false);

        Assert.Equal(["b"], complete.Unlisted);
        Assert.Equal(["b"], complete.Closed);
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
