using System.Text;
using Ingestor.Providers;
using Ingestor.Providers.Lever;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Providers.Lever;

public sealed class LeverPayloadTests
{
    private static BoardSnapshot Parse(string json) => LeverPayload.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void TheRecordedSiteIsACompleteSnapshotOfEveryPostingByItsUuid()
    {
        using var snapshot = LeverPayload.Read(File.ReadAllBytes(RepositoryPaths.Samples("lever", "v0", "postings", "plaid.json")));

        Assert.Equal(20, snapshot.Jobs.Count);
        Assert.True(snapshot.IsComplete);
        Assert.Null(snapshot.DeclaredTotal);
        Assert.All(snapshot.Jobs, job => Assert.True(Guid.TryParse(job.Key, out _), job.Key));
    }

    [Fact]
    public void AnEmptyArrayIsACompleteEmptySite() => Assert.True(Parse("[]").IsComplete);

    [Fact]
    public void APostingListedTwiceIsKeptOnceAndTheSnapshotIsNotTrustedForCloses()
    {
        using var snapshot = Parse("""[{"id":"a","text":"first"},{"id":"a","text":"again"},{"id":"b"}]""");

        Assert.Equal(["a", "b"], snapshot.Jobs.Select(j => j.Key));
        Assert.Equal(["job a is listed twice"], snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void APostingWithoutAnIdMakesTheSnapshotIncomplete()
    {
        using var snapshot = Parse("""[{"id":"a"},{"text":"no id"},{"id":""}]""");

        Assert.Equal("a", Assert.Single(snapshot.Jobs).Key);
        Assert.False(snapshot.IsComplete);
    }

    [Theory]
    [InlineData("""{"ok":false,"error":"Document not found"}""", "Document not found")]
    [InlineData("""{"postings":[]}""", "not an array")]
    [InlineData("\"Derby App\"", "not an array")]
    [InlineData("""[{"id":"a"}""", "not valid JSON")]
    [InlineData("<html></html>", "not valid JSON")]
    public void APayloadThatIsNotAListOfPostingsIsRefused(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<MalformedPayloadException>(() => Parse(json)).Message);
}
