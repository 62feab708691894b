using System.Text;
using Ingestor.Providers;
using Ingestor.Providers.Ashby;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Providers.Ashby;

public sealed class AshbyPayloadTests
{
    private static BoardSnapshot Parse(string json) => AshbyPayload.Read(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("lambda", 88)]
    [InlineData("linear", 19)]
    public void ARecordedBoardIsACompleteSnapshotOfEveryJobByItsUuid(string board, int jobs)
    {
        using var snapshot = AshbyPayload.Read(File.ReadAllBytes(RepositoryPaths.Samples("ashby", "posting-api", "job-board", $"{board}.json")));

        Assert.Equal(jobs, snapshot.Jobs.Count);
        Assert.True(snapshot.IsComplete);
        Assert.Null(snapshot.DeclaredTotal);
        Assert.All(snapshot.Jobs, job => Assert.True(Guid.TryParse(job.Key, out _), job.Key));
    }

    [Fact]
    public void AnUnlistedJobIsLeftOutWithoutMakingTheSnapshotIncomplete()
    {
        using var snapshot = Parse("""
            {"apiVersion":"1","jobs":[
              {"id":"a","title":"listed","isListed":true},
              {"id":"b","title":"hidden","isListed":false},
              {"id":"c","title":"no flag"}]}
            """);

        Assert.Equal(["a", "c"], snapshot.Jobs.Select(j => j.Key));
        Assert.Empty(snapshot.RejectedJobs);
        Assert.True(snapshot.IsComplete);
    }

    [Fact]
    public void AnUnlistedCopyOfAListedJobIsNeitherListedNorADuplicate()
    {
        using var snapshot = Parse("""{"apiVersion":"1","jobs":[{"id":"a","isListed":false},{"id":"a","isListed":true}]}""");

        Assert.True(Assert.Single(snapshot.Jobs).Source.GetProperty("isListed").GetBoolean());
        Assert.True(snapshot.IsComplete);
    }

    [Fact]
    public void AJobListedTwiceIsKeptOnceAndTheSnapshotIsNotTrustedForCloses()
    {
        using var snapshot = Parse("""{"apiVersion":"1","jobs":[{"id":"a","title":"first"},{"id":"a","title":"again"}]}""");

        Assert.Equal("first", Assert.Single(snapshot.Jobs).Source.GetProperty("title").GetString());
        Assert.Equal(["job a is listed twice"], snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void AJobWithoutAnIdMakesTheSnapshotIncomplete()
    {
        using var snapshot = Parse("""{"apiVersion":"1","jobs":[{"id":"a"},{"title":"no id"},{"id":"  "},"not a job"]}""");

        Assert.Equal("a", Assert.Single(snapshot.Jobs).Key);
        Assert.Equal(3, snapshot.RejectedJobs.Count);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void AnEmptyBoardIsComplete() => Assert.True(Parse("""{"apiVersion":"1","jobs":[]}""").IsComplete);

    [Theory]
    [InlineData("""{"apiVersion":"1","jobs":[""", "not valid JSON")]
    [InlineData("""[{"id":"a"}]""", "not an object")]
    [InlineData("""{"success":false,"errors":["not found"]}""", "no \"jobs\" list")]
    [InlineData("""{"apiVersion":"1","jobs":{"id":"a"}}""", "no \"jobs\" list")]
    [InlineData("", "not valid JSON")]
    public void APayloadThatIsNotABoardListingIsRefused(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<MalformedPayloadException>(() => Parse(json)).Message);
}
