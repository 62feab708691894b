using Ingestor.Reconciliation;

namespace Ingestor.Tests.Reconciliation;

public sealed class RepostsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private static LeftPosting Left(string jobId, string fingerprint, int daysAgo, string? lineage = null) =>
        new(jobId, fingerprint, Now.AddDays(-daysAgo), lineage ?? jobId, Now.AddDays(-daysAgo - 40));

    [Fact]
    public void ANewPostingIsLinkedToTheOneWithItsFingerprintThatLeftWithinTheWindowAndJoinsItsLine()
    {
        var links = Reposts.Link([("new", "f1"), ("other", "f2")], [Left("old", "f1", 3, lineage: "first")], Now, Window);

        var link = Assert.Single(links);
        Assert.Equal("new", link.Key);
        Assert.Equal(new RepostLink("old", "first", Now.AddDays(-43)), link.Value);
    }

    [Fact]
    public void APostingThatLeftBeforeTheWindowOrAfterTheNewOneOpenedIsNoOrigin()
    {
        var tooEarly = Reposts.Link([("new", "f1")], [Left("old", "f1", 31)], Now, Window);
        var later = Reposts.Link([("new", "f1")], [Left("old", "f1", -1)], Now, Window);

        Assert.Empty(tooEarly);
        Assert.Empty(later);
    }

    [Fact]
    public void OfSeveralThatLeftTheLatestIsTheOneReposted()
    {
        var links = Reposts.Link([("new", "f1")], [Left("older", "f1", 20), Left("latest", "f1", 2), Left("b-same-day", "f1", 2)], Now, Window);

        Assert.Equal("b-same-day", links["new"].RepostedFrom);
    }

    [Fact]
    public void TwoNewPostingsWithOneFingerprintAreNeitherLinked()
    {
        var links = Reposts.Link([("new-1", "f1"), ("new-2", "f1")], [Left("old", "f1", 3)], Now, Window);

        Assert.Empty(links);
    }

    [Fact]
    public void ANewPostingWithoutAFingerprintIsNeverLinked()
    {
        var links = Reposts.Link([("new", null)], [Left("old", "f1", 3)], Now, Window);

        Assert.Empty(links);
    }
}
