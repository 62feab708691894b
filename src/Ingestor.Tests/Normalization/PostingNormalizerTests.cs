using System.Text.Json;
using Ingestor.Normalization;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Normalization;

public sealed class PostingNormalizerTests
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static NormalizedPosting Posting(string board, long id) =>
        Normalizer.Normalize("greenhouse", board, GreenhouseJobs.Read(Payloads.Board(board)).Single(j => j.Key == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string? Scope(NormalizedPosting posting) => (string?)posting.Parsed["launch_scope"]!["reason"];

    [Fact]
    public void AGermanPostingReadsItsPlaceWorkplacePayAndScopeFromStructuredFields()
    {
        var posting = Posting("eurotech", 5100000001);

        Assert.Equal(("Munich", "BY", "DE", "Germany"), (posting.City, posting.Region, posting.CountryCode, posting.Country));
        Assert.Equal(("hybrid", false, "full_time"), (posting.WorkplaceType, posting.IsRemote, posting.EmploymentType));
        Assert.Equal((70000m, 90000m, "EUR", "year"), (posting.SalaryMin, posting.SalaryMax, posting.SalaryCurrency, posting.SalaryPeriod));
        Assert.Equal("de", posting.Language);
        Assert.Equal("not_english", Scope(posting));
        var confidence = posting.Parsed["confidence"]!;
        Assert.Equal((0.95, 0.95), ((double)confidence["employment_type"]!, (double)confidence["workplace_type"]!));
    }

    [Fact]
    public void ARemoteCanadianPostingIsInScopeWithItsPayInCanadianDollars()
    {
        var posting = Posting("remoteco", 6200000002);

        Assert.Equal((null, "CA", true, "remote", "remote_only"), (posting.City, posting.CountryCode, posting.IsRemote, posting.WorkplaceType, posting.RemotePolicy));
        Assert.Equal((55000m, 65000m, "CAD", "year"), (posting.SalaryMin, posting.SalaryMax, posting.SalaryCurrency, posting.SalaryPeriod));
        Assert.Equal("english_us_canada", Scope(posting));
    }

    [Fact]
    public void ABareDollarInACanadianPostingIsCanadian()
    {
        var posting = Posting("remoteco", 6200000005);

        Assert.Equal(("Toronto", "ON", "intern"), (posting.City, posting.Region, posting.EmploymentType));
        Assert.Equal((40m, "CAD", "hour"), (posting.SalaryMin, posting.SalaryCurrency, posting.SalaryPeriod));
    }

    [Fact]
    public void SeveralPlacesKeepTheFirstAndListEveryOne()
    {
        var posting = Posting("remoteco", 6200000004);

        Assert.Equal(("New York", "NY", true, "remote_optional"), (posting.City, posting.Region, posting.IsRemote, posting.RemotePolicy));
        Assert.Equal(3, posting.Parsed["locations"]!.AsArray().Count);
        Assert.Equal((210000m, 250000m), (posting.SalaryMin, posting.SalaryMax));
        Assert.Equal(2, posting.Parsed["salaries"]!.AsArray().Count);
    }

    [Fact]
    public void APostingWithoutALocationHasAnUnknownPlaceAndIsOutOfScopeForThatReason()
    {
        var posting = Posting("remoteco", 6200000006);

        Assert.Equal((null, null, false), (posting.City, posting.CountryCode, posting.IsRemote));
        Assert.Equal(0.0, (double)posting.Parsed["location"]!["confidence"]!);
        Assert.Equal("unknown_location", Scope(posting));
    }

    [Fact]
    public void AFundingRoundIsNotASalaryAndADepartmentWithAnUnlistedParentIsTheDepartment()
    {
        var posting = Posting("fal", 4012000002);

        Assert.Null(posting.SalaryMin);
        Assert.Empty(posting.Parsed["salaries"]!.AsArray());
        Assert.Equal(("Developer Relations", null), (posting.Department, posting.Team));
        Assert.Equal("english_us_canada", Scope(posting));
    }

    [Fact]
    public void PayTransparencyRangesInCentsComeBeforeTheText()
    {
        using var single = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.Samples("greenhouse", "more", "fal.job-4009193009.json")));
        var job = Assert.Single(GreenhouseJobs.Read(JsonSerializer.SerializeToUtf8Bytes(new { jobs = new[] { single.RootElement } })));

        var posting = Normalizer.Normalize("greenhouse", "fal", job);

        Assert.Equal((180000m, 250000m, "USD", "year"), (posting.SalaryMin, posting.SalaryMax, posting.SalaryCurrency, posting.SalaryPeriod));
        Assert.Equal("San Francisco Bay Area: 180,000 - 250,000 USD", posting.SalaryRaw);
        Assert.Equal(0.95, (double)posting.Parsed["confidence"]!["salary"]!);
    }

    [Fact]
    public void TheNativeObjectIsTheJobAsSentWithoutItsContent()
    {
        var posting = Posting("fal", 4009193009);

        Assert.False(posting.Native.TryGetProperty("content", out _));
        Assert.Equal("4007458009", posting.Native.GetProperty("requisition_id").GetString());
        Assert.Equal(4009193009, posting.Native.GetProperty("id").GetInt64());
    }

    public static TheoryData<string> Boards => ["fal", "eurotech", "remoteco", "anthropic", "reddit", "airbnb", "stripe"];

    [Theory]
    [MemberData(nameof(Boards))]
    public void EveryRecordedJobNormalizesIntoAStorablePosting(string board)
    {
        foreach (var job in GreenhouseJobs.Read(Payloads.Board(board)))
        {
            var posting = Normalizer.Normalize("greenhouse", board, job);
            Assert.Matches("^[0-9a-f]{40}$", posting.JobId);
            Assert.Matches("^[0-9a-f]{64}$", posting.ContentHash);
            Assert.InRange((double)posting.Parsed["location"]!["confidence"]!, 0.0, 1.0);
            Assert.True(posting.SalaryMin is null || posting.SalaryMin <= posting.SalaryMax);
            Assert.True(posting.CountryCode is null || posting.Country is not null, $"{job.LocationText}: a country code without a name");
            var confidence = posting.Parsed["confidence"]!;
            Assert.Equal(posting.SalaryMin is null, confidence["salary"] is null);
            Assert.Equal(posting.EmploymentType is null, confidence["employment_type"] is null);
            Assert.Equal(posting.WorkplaceType is null, confidence["workplace_type"] is null);
        }
    }
}
