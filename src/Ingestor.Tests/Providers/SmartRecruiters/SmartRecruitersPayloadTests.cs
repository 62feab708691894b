using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingestor.Providers;
using Ingestor.Providers.SmartRecruiters;
using static Ingestor.Tests.Providers.SmartRecruiters.AcmeSyntheticBoard;

namespace Ingestor.Tests.Providers.SmartRecruiters;

public sealed class SmartRecruitersPayloadTests
{
    private static BoardSnapshot Read(IEnumerable<ListPageFetch> pages, IEnumerable<DetailFetch>? details = null) =>
        SmartRecruitersPayload.Read(SmartRecruitersEnvelope.Build(Company, pages, details ?? AllDetails));

    [Fact]
    public void AWalkThatGotEveryPageListsEveryPostingWithItsDetailAndIsComplete()
    {
        using var snapshot = SmartRecruitersPayload.Read(Envelope());

        Assert.Equal(Ids, snapshot.Jobs.Select(j => j.Key));
        Assert.All(snapshot.Jobs, job => Assert.Equal(job.Key, job.Detail!.Value.GetProperty("id").GetString()));
        Assert.All(snapshot.Jobs, job => Assert.False(job.Source.TryGetProperty("jobAd", out _)));
        Assert.Equal((25, 25), (snapshot.Jobs.Count, snapshot.DeclaredTotal));
        Assert.Empty(snapshot.RejectedJobs);
        Assert.True(snapshot.IsComplete);
    }

    [Fact]
    public void AFailedPageLeavesTheSnapshotIncompleteAndSaysWhich()
    {
        using var snapshot = Read([Fetched(0), Fetched(10), new ListPageFetch(20, HttpStatusCode.ServiceUnavailable, [])]);

        Assert.Equal(20, snapshot.Jobs.Count);
        Assert.Contains("page at offset 20 failed (HTTP 503)", snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void APageThatIsNotAListingLeavesTheSnapshotIncomplete()
    {
        using var snapshot = Read([Fetched(0), new ListPageFetch(10, HttpStatusCode.OK, """{"message":"slow down"}"""u8.ToArray()), Fetched(20)]);

        Assert.Contains("page at offset 10 is not a list of postings", snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void ATotalThatChangesDuringTheWalkLeavesTheSnapshotIncomplete()
    {
        using var snapshot = Read([Fetched(0), EditedPage(10, page => page["totalFound"] = 26), Fetched(20)]);

        Assert.Equal(25, snapshot.Jobs.Count);
        Assert.Equal(["totalFound changed from 25 to 26 during the walk", "totalFound changed from 26 to 25 during the walk"], snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void APostingListedOnTwoPagesIsKeptOnceAndTheSnapshotIsIncomplete()
    {
        // A posting opened while the walk was between pages pushes the last of page 0 onto page 10.
        var pushed = Job(0, 9);
        using var snapshot = Read([Fetched(0), EditedPage(10, page => page["content"]!.AsArray().Insert(0, pushed)), Fetched(20)]);

        Assert.Equal(25, snapshot.Jobs.Count);
        Assert.Equal([$"job {Ids[9]} is listed twice (on the pages at offset 0 and 10)"], snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void MorePostingsThanDeclaredLeaveTheSnapshotIncomplete()
    {
        using var snapshot = Read(Offsets.Select(offset => EditedPage(offset, page => page["totalFound"] = 24)));

        Assert.Equal(["the pages list 25 jobs but totalFound is 24"], snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void AWalkThatStoppedEarlyIsIncomplete()
    {
        using var snapshot = Read([Fetched(0), Fetched(10)]);

        Assert.Equal(["the pages list 20 jobs but totalFound is 25"], snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void AnEnvelopeWithoutAnyPageIsIncomplete()
    {
        using var snapshot = Read([], []);

        Assert.Empty(snapshot.Jobs);
        Assert.Equal(["no list page arrived"], snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void AFailedDetailKeepsItsPostingListedAndTheSnapshotComplete()
    {
        var failed = Ids[3];
        using var snapshot = Read(AllPages, Ids.Select(id => id == failed ? new DetailFetch(id, HttpStatusCode.InternalServerError, []) : FetchedDetail(id)));

        Assert.Equal(Ids, snapshot.Jobs.Select(j => j.Key));
        Assert.Null(snapshot.Jobs.Single(j => j.Key == failed).Detail);
        Assert.Equal(24, snapshot.Jobs.Count(j => j.Detail is not null));
        Assert.True(snapshot.IsComplete);
    }

    [Fact]
    public void ADetailNamingAnotherPostingIsNotTakenForThisOne()
    {
        using var snapshot = Read(AllPages, [new DetailFetch(Ids[0], HttpStatusCode.OK, Detail(Ids[1])), FetchedDetail(Ids[1])]);

        Assert.Null(snapshot.Jobs[0].Detail);
        Assert.NotNull(snapshot.Jobs[1].Detail);
    }

    [Fact]
    public void AnUnknownCompanyIsAnEmptyCompleteSnapshotThatDeclaresZero()
    {
        using var snapshot = Read([new ListPageFetch(0, HttpStatusCode.OK, Page(0, "unknown-company"))], []);

        Assert.Empty(snapshot.Jobs);
        Assert.Equal(0, snapshot.DeclaredTotal);
        Assert.True(snapshot.IsComplete);
    }

    [Theory]
    [InlineData("""{"jobs":[],"meta":{"total":0}}""", "not a SmartRecruiters envelope")]
    [InlineData("""{"provider":"smartrecruiters"}""", "no \"pages\" list")]
    [InlineData("""[]""", "not a SmartRecruiters envelope")]
    [InlineData("""{"provider":""", "not valid JSON")]
    public void APayloadThatIsNotAnEnvelopeIsRefused(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<MalformedPayloadException>(() => SmartRecruitersPayload.Read(Encoding.UTF8.GetBytes(json))).Message);

    [Theory]
    [InlineData("""{"id":"743999500000000"}""", "743999500000000")]
    [InlineData("""{"id":743999500000000}""", "743999500000000")]
    [InlineData("""{"id":"../../admin"}""", null)]
    [InlineData("""{"id":"1 2"}""", null)]
    [InlineData("""{"id":""}""", null)]
    [InlineData("""{"uuid":"12d47768"}""", null)]
    public void AKeyIsTheIdAsTextWhenItCanNameTheDetailsPath(string job, string? key) =>
        Assert.Equal(key, SmartRecruitersPayload.KeyOf(JsonDocument.Parse(job).RootElement));

    [Fact]
    public void AJobWithoutAUsableIdIsLeftOutWithItsPlace()
    {
        using var snapshot = Read([EditedPage(0, page => page["content"]![2]!.AsObject().Remove("id")), Fetched(10), Fetched(20)]);

        Assert.Equal(24, snapshot.Jobs.Count);
        Assert.Contains("the job at index 2 of the page at offset 0 has no usable id", snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }
}
