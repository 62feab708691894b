using System.Text;
using Ingestor.Providers;
using Ingestor.Providers.Greenhouse;

namespace Ingestor.Tests.Providers.Greenhouse;

public sealed class GreenhousePayloadTests
{
    private static BoardSnapshot Parse(string json) => GreenhousePayload.Read(Encoding.UTF8.GetBytes(json));

    private static IReadOnlyList<GreenhouseJob> Jobs(BoardSnapshot snapshot) => [.. snapshot.Jobs.Select(j => GreenhouseJobReader.Read(j.Source)!)];

    [Fact]
    public void IdsAboveTwoToTheThirtyOneAndIdsSentAsStringsAreRead()
    {
        var snapshot = Parse("""{"jobs":[{"id":5149725008,"title":"a"},{"id":"4009193009","title":"b"}],"meta":{"total":2}}""");
        Assert.Equal(["5149725008", "4009193009"], snapshot.Jobs.Select(j => j.Key));
        Assert.True(snapshot.IsComplete);
    }

    [Fact]
    public void AJobWithoutATitleIsKeptButAJobWithoutAnIdMakesTheSnapshotIncomplete()
    {
        var snapshot = Parse("""{"jobs":[{"id":1},{"title":"no id"},{"id":"x1","title":"bad id"}],"meta":{"total":3}}""");
        Assert.Equal("", Assert.Single(Jobs(snapshot)).Title);
        Assert.Equal(2, snapshot.RejectedJobs.Count);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public void AJobListedTwiceIsKeptOnceAndTheSnapshotIsNotTrustedForCloses()
    {
        var snapshot = Parse("""{"jobs":[{"id":1,"title":"a"},{"id":1,"title":"a again"}],"meta":{"total":2}}""");
        Assert.Equal("a", Assert.Single(Jobs(snapshot)).Title);
        Assert.Equal(["job 1 is listed twice"], snapshot.RejectedJobs);
        Assert.False(snapshot.IsComplete);
    }

    [Theory]
    [InlineData("""{"jobs":[{"id":1}],"meta":{"total":240}}""", false)]
    [InlineData("""{"jobs":[{"id":1}],"meta":{"total":1}}""", true)]
    [InlineData("""{"jobs":[{"id":1}]}""", true)]
    [InlineData("""{"jobs":[],"meta":{"total":0}}""", true)]
    public void ASnapshotIsCompleteWhenItListsAsManyJobsAsItDeclares(string json, bool complete) =>
        Assert.Equal(complete, Parse(json).IsComplete);

    [Theory]
    [InlineData("""{"jobs":[{"id":1,"title":"a"}""", "not valid JSON")]
    [InlineData("""[{"id":1}]""", "not an object")]
    [InlineData("""{"status":503}""", "no \"jobs\" list")]
    [InlineData("""{"jobs":{"id":1}}""", "no \"jobs\" list")]
    [InlineData("", "not valid JSON")]
    public void APayloadThatIsNotABoardListingIsRefused(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<MalformedPayloadException>(() => Parse(json)).Message);

    [Fact]
    public void MetadataValuesOfEveryShapeAreFlattenedToText()
    {
        var job = Assert.Single(Jobs(Parse("""
            {"jobs":[{"id":1,"title":"t","metadata":[
              {"id":1,"name":"Employment Type","value":"Full-time","value_type":"single_select"},
              {"id":2,"name":"Visa","value":true,"value_type":"yes_no"},
              {"id":3,"name":"Languages","value":["English","Deutsch"],"value_type":"multi_select"},
              {"id":4,"name":"Hours","value":"40.0","value_type":"number"},
              {"id":5,"name":"Cost Center","value":null,"value_type":"short_text"},
              {"id":6,"name":"Salary Range","value":{"min_value":"70000.0","max_value":"90000.0","unit":"EUR"},"value_type":"currency_range"},
              {"id":7,"name":"Start","value":"","value_type":"date"}]}]}
            """)));
        Assert.Equal(
            ["Full-time", "true", "English, Deutsch", "40.0", null, "70000.0 - 90000.0 EUR", null],
            job.Metadata.Select(m => m.Value));
    }

    [Fact]
    public void TimesAreReadAsInstantsInUtc()
    {
        var job = Assert.Single(Jobs(Parse("""{"jobs":[{"id":1,"first_published":"2025-07-21T15:46:29-04:00","updated_at":"not a date"}]}""")));
        Assert.Equal(new DateTimeOffset(2025, 7, 21, 19, 46, 29, TimeSpan.Zero), job.FirstPublished);
        Assert.Equal(TimeSpan.Zero, job.FirstPublished!.Value.Offset);
        Assert.Null(job.UpdatedAt);
    }

    [Fact]
    public void DepartmentsOfficesAndPayRangesAreReadAndTheSourceObjectIsKeptWhole()
    {
        var job = Assert.Single(Jobs(Parse("""
            {"jobs":[{"id":1,"title":"t","location":{"name":"San Francisco"},"unknown_field":{"x":[1,2]},
              "departments":[{"id":10,"name":"Engineering","parent_id":null},{"id":11,"name":"Platform","parent_id":10}],
              "offices":[{"id":20,"name":"SF Office","location":"San Francisco, California, United States"},{"id":21,"name":"Remote","location":null}],
              "pay_input_ranges":[{"min_cents":18000000,"max_cents":25000000,"currency_type":"usd","title":"SF Bay Area"}]}]}
            """)));
        Assert.Equal("San Francisco", job.LocationName);
        Assert.Equal([new GreenhouseDepartment(10, "Engineering", null), new GreenhouseDepartment(11, "Platform", 10)], job.Departments);
        Assert.Equal([new GreenhouseOffice(20, "SF Office", "San Francisco, California, United States"), new GreenhouseOffice(21, "Remote", null)], job.Offices);
        Assert.Equal(new GreenhousePayRange(18000000, 25000000, "USD", "SF Bay Area"), Assert.Single(job.PayRanges));
        Assert.Equal(2, job.Source.GetProperty("unknown_field").GetProperty("x").GetArrayLength());
    }

    [Theory]
    [InlineData("fal")]
    [InlineData("stripe")]
    public void BoardTokensAreLowerCasedAndTrimmed(string token) =>
        Assert.Equal(token, BoardToken.Normalize($"  {token.ToUpperInvariant()} "));

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("fal/jobs")]
    [InlineData("fal?content=false")]
    [InlineData("fal%2F..")]
    [InlineData("")]
    [InlineData("-fal")]
    public void TokensThatCouldLeaveTheBoardPathAreRefused(string token) =>
        Assert.Contains("is not a board token", Assert.Throws<ArgumentException>(() => BoardToken.Normalize(token)).Message);
}
