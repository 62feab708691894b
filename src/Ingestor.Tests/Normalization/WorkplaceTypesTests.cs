using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class WorkplaceTypesTests
{
    static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    [Theory]
    [InlineData("Workplace Type", "Hybrid", "hybrid")]
    [InlineData("Workplace Type", "Remote", "remote")]
    [InlineData("Workplace Type", "Onsite", "onsite")]
    [InlineData("Location Type", "On-Site", "onsite")]
    [InlineData("Location Type", "Hybrid (Travel-Required)", "hybrid")]
    [InlineData("Remote Status", "Fully Remote", "remote")]
    [InlineData("Remote Status", "Remote Eligible", "remote")]
    [InlineData("Work Arrangement", "In Office", "onsite")]
    [InlineData("Work Arrangement", "Remote - US", "remote")]
    [InlineData("Remote", "true", "remote")]
    public void AWorkplaceFieldNamesTheArrangement(string name, string value, string expected) =>
        Assert.Equal(expected, WorkplaceTypes.FromMetadata([Field(name, value)]));

    [Theory]
    [InlineData("Remote", "false")]
    [InlineData("Remote Status", "Not Eligible")]
    [InlineData("Remote Status", "Non-remote")]
    [InlineData("Workplace Type", "Remote, Hybrid")]
    [InlineData("Workplace Type", "")]
    [InlineData("Office", "San Francisco")]
    [InlineData("Cost Center", "Remote Operations")]
    [InlineData("Is this job part of ACC?", "true")]
    public void AFieldThatDoesNotStateOneArrangementSaysNothing(string name, string value) =>
        Assert.Null(WorkplaceTypes.FromMetadata([Field(name, value)]));

    [Fact]
    public void FieldsThatDisagreeSayNothing() =>
        Assert.Null(WorkplaceTypes.FromMetadata([Field("Workplace Type", "Remote"), Field("Location Type", "On-Site")]));

    [Fact]
    public void FieldsThatAgreeCount() =>
        Assert.Equal("hybrid", WorkplaceTypes.FromMetadata([Field("Workplace Type", "Hybrid"), Field("Work Model", "hybrid")]));

    [Theory]
    [InlineData("Data Engineer (Remote)", "remote")]
    [InlineData("Data Engineer - Hybrid", "hybrid")]
    [InlineData("Data Engineer, Remote, US", "remote")]
    [InlineData("Remote, US", "remote")]
    [InlineData("Data Engineer (Remote, US)", "remote")]
    [InlineData("Data Engineer - US-Remote", "remote")]
    [InlineData("Data Engineer (Remote US)", "remote")]
    [InlineData("Data Engineer - Remote in Canada", "remote")]
    [InlineData("Field Service Engineer (On-site)", "onsite")]
    [InlineData("Data Engineer | 100% Remote", "remote")]
    [InlineData("Remote - Senior Data Engineer", "remote")]
    [InlineData("Data Engineer (Remote-first)", "remote")]
    [InlineData("Data Engineer (Remote - Ontario, Canada)", "remote")]
    public void AnExplicitMarkerInTheTitleNamesTheArrangement(string title, string expected) =>
        Assert.Equal(expected, WorkplaceTypes.FromTitle(title));

    [Theory]
    [InlineData("Remote Sensing Scientist")]
    [InlineData("Remote-Sensing Analyst")]
    [InlineData("Hybrid Cloud Engineer")]
    [InlineData("On-site Support Technician")]
    [InlineData("Remote Support Specialist - EMEA")]
    [InlineData("Workplace Experience Manager")]
    [InlineData("Data Engineer (Remote or Hybrid)")]
    [InlineData("Data Engineer (Not Remote)")]
    [InlineData("Software Engineer, Internal Systems")]
    public void ATitleWithoutAnExplicitMarkerSaysNothing(string title) =>
        Assert.Null(WorkplaceTypes.FromTitle(title));

    [Theory]
    [MemberData(nameof(NormalizedTitleTests.RecordedTitles), MemberType = typeof(NormalizedTitleTests))]
    public void NoRecordedTitleNamesAnArrangement(string title) =>
        // None of the recorded boards puts the arrangement in the title; they use metadata or the location.
        Assert.Null(WorkplaceTypes.FromTitle(title));
}
