using System.Globalization;
using System.Text.Json;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Providers.Ashby;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Providers.Ashby;

public sealed class AshbyMappingTests
{
    private static SourceJob Map(string json)
    {
        var job = JsonDocument.Parse(json).RootElement.Clone();
        return AshbyMapping.ToSourceJob(new ListedJob(AshbyPayload.KeyOf(job)!, job));
    }

    private static SourceJob Recorded(string board, string title)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.Samples("ashby", "posting-api", "job-board", $"{board}.json")));
        var job = document.RootElement.GetProperty("jobs").EnumerateArray().First(j => j.GetProperty("title").GetString() == title).Clone();
        return AshbyMapping.ToSourceJob(new ListedJob(AshbyPayload.KeyOf(job)!, job));
    }

    [Fact]
    public void EveryTierStatesItsSalaryInTheOrderSentWithTheTierNamedInTheRaw()
    {
        var job = Recorded("lambda", "Engineering Manager, HPC Deployments");

        Assert.Equal(
            [
                new ParsedSalary(297000m, 486000m, "USD", "year", "San Francisco / San Jose: 297,000 - 486,000 USD per year", 0.95),
                new ParsedSalary(267000m, 437000m, "USD", "year", "Seattle: 267,000 - 437,000 USD per year", 0.95),
            ],
            job.Pay);
    }

    [Fact]
    public void APostingWithTiersInSeveralCurrenciesStatesTheFirstTiersFirst()
    {
        var job = Recorded("lambda", "Senior Site Reliability Engineer, Managed Kubernetes - Europe");

        Assert.Equal([("EUR", 173000m), ("GBP", 146000m), ("EUR", 161000m)], job.Pay.Select(p => (p.Currency, p.Min)));
    }

    [Theory]
    [InlineData("1 YEAR", "120000", "150000", "year")]
    [InlineData("1 MONTH", "10000", "12500", "month")]
    [InlineData("1 HOUR", "40", "55.5", "hour")]
    [InlineData("1 WEEK", "2000", "2500", "week")]
    [InlineData("2 WEEK", "2000", "2500", "week")]
    public void AComponentsIntervalIsItsPeriodAndAPayPerTwoWeeksIsHalvedPerWeek(string interval, string min, string max, string period)
    {
        var job = Map($$$"""
            {"id":"a","title":"t","compensation":{"compensationTiers":[{"title":null,"components":[
              {"compensationType":"Salary","interval":"{{{interval}}}","currencyCode":"usd","minValue":{{{min}}},"maxValue":{{{max}}}}]}]}}
            """);

        var pay = Assert.Single(job.Pay);
        var count = interval.StartsWith('2') ? 2m : 1m;
        var (low, high) = (decimal.Parse(min, CultureInfo.InvariantCulture), decimal.Parse(max, CultureInfo.InvariantCulture));
        Assert.Equal((low / count, high / count, "USD", period), (pay.Min, pay.Max, pay.Currency, pay.Period));
    }

    [Fact]
    public void EquityEmptyComponentsAndUnnamedIntervalsAreNotPay()
    {
        var job = Map("""
            {"id":"a","title":"t","compensation":{"compensationTiers":[{"components":[
              {"compensationType":"EquityPercentage","interval":"NONE","currencyCode":null,"minValue":0.01,"maxValue":0.05},
              {"compensationType":"Salary","interval":"1 YEAR","currencyCode":"USD","minValue":null,"maxValue":null},
              {"compensationType":"Salary","interval":"NONE","currencyCode":"USD","minValue":1,"maxValue":2},
              {}]},{}],"summaryComponents":[]}}
            """);

        Assert.Empty(job.Pay);
    }

    [Fact]
    public void WithoutTiersTheEnvelopeIsThePayAndAnOpenEndedRangeIsOneAmount()
    {
        var job = Map("""
            {"id":"a","title":"t","compensation":{"compensationTiers":[],"summaryComponents":[
              {"compensationType":"Salary","interval":"1 YEAR","currencyCode":"EUR","minValue":null,"maxValue":90000}]}}
            """);

        var pay = Assert.Single(job.Pay);
        Assert.Equal((90000m, 90000m, "EUR", "year"), (pay.Min, pay.Max, pay.Currency, pay.Period));
    }

    [Theory]
    [InlineData("€60K – €80K • Offers Equity", 60000, 80000, "EUR", "year")]
    [InlineData("$40 – $55 per hour", 40, 55, "USD", "hour")]
    [InlineData("£3,000 – £3,500 per month", 3000, 3500, "GBP", "month")]
    public void WithNoComponentsAtAllTheSummaryAsWrittenIsThePay(string summary, double min, double max, string currency, string period)
    {
        var job = Map($$$"""{"id":"a","title":"t","compensation":{"compensationTierSummary":"{{{summary}}}","compensationTiers":[],"summaryComponents":[]}}""");

        var pay = Assert.Single(job.Pay);
        Assert.Equal(((decimal)min, (decimal)max, currency, period), (pay.Min, pay.Max, pay.Currency, pay.Period));
    }

    [Theory]
    [InlineData("0.05% – 0.1% • Offers Equity")]
    [InlineData("Offers Bonus")]
    [InlineData("$5K signing bonus")]
    public void ASummaryWithoutASalaryFigureIsNotPay(string summary) =>
        Assert.Empty(Map($$$"""{"id":"a","title":"t","compensation":{"compensationTierSummary":"{{{summary}}}","compensationTiers":[]}}""").Pay);

    [Fact]
    public void CompensationTheBoardHidesFromReadersIsNotStatedPay()
    {
        var job = Map("""
            {"id":"a","title":"t","shouldDisplayCompensationOnJobPostings":false,"compensation":{"compensationTiers":[{"components":[
              {"compensationType":"Salary","interval":"1 YEAR","currencyCode":"USD","minValue":100000,"maxValue":120000}]}]}}
            """);

        Assert.Empty(job.Pay);
    }

    [Fact]
    public void IsRemoteIsNotEvidenceOfRemoteWork()
    {
        var job = Map("""{"id":"a","title":"t","location":"San Francisco Office","isRemote":true,"descriptionPlain":"We build GPUs."}""");

        Assert.Null(job.WorkplaceType);
    }

    [Theory]
    [InlineData("Remote", "remote")]
    [InlineData("Hybrid", "hybrid")]
    [InlineData("OnSite", "onsite")]
    [InlineData("Elsewhere", null)]
    public void AStatedWorkplaceTypeIsOurs(string workplaceType, string? expected) =>
        Assert.Equal(expected, Map($$"""{"id":"a","title":"t","isRemote":true,"workplaceType":"{{workplaceType}}"}""").WorkplaceType);

    [Fact]
    public void AStatedWorkplaceTypeComesBeforeTheOfficeDaysOfTheDescription()
    {
        var job = Map("""{"id":"a","title":"t","workplaceType":"Remote","descriptionPlain":"This position requires presence in our Austin office 5 days per week."}""");

        Assert.Equal("remote", job.WorkplaceType);
    }

    [Fact]
    public void WithoutAStatedWorkplaceTheOfficeDaysOfTheDescriptionSayIt() =>
        Assert.Equal("onsite", Recorded("lambda", "Data Center Manager - Kansas City").WorkplaceType);

    [Theory]
    [InlineData("FullTime", "full_time")]
    [InlineData("PartTime", "part_time")]
    [InlineData("Intern", "intern")]
    [InlineData("Contract", "contract")]
    [InlineData("Temporary", "temporary")]
    [InlineData("Volunteer", null)]
    public void TheEmploymentTypeIsOurs(string employmentType, string? expected) =>
        Assert.Equal(expected, Map($$"""{"id":"a","title":"t","employmentType":"{{employmentType}}"}""").EmploymentType);

    [Fact]
    public void SecondaryLocationsAndSingleValuedPostalAddressesAreFurtherPlaces()
    {
        var job = Recorded("lambda", "Engineering Manager, HPC Deployments");

        Assert.Equal("San Francisco Office", job.LocationText);
        // The primary's address joins two offices ("San Francisco, Seattle" / "California, Washington"): only its country names one place.
        Assert.Equal(
            ["San Jose Office", "Seattle, WA", "United States", "San Jose, California, United States", "Seattle, Washington, United States"],
            job.Places);
    }

    [Fact]
    public void AJobWithoutALocationIsPlacedByItsPostalAddress()
    {
        var job = Map("""{"id":"a","title":"t","address":{"postalAddress":{"addressLocality":"Berlin","addressCountry":"Germany"}}}""");

        Assert.Equal("Berlin, Germany", job.LocationText);
    }

    [Fact]
    public void TheRecordedFieldsAreReadAsSent()
    {
        var job = Recorded("lambda", "Director of Real Estate & Workplace ");

        Assert.Equal("Director of Real Estate & Workplace ", job.Title);
        Assert.Equal(("G&A", "Real Estate"), (job.Department, job.Team));
        Assert.Equal($"https://jobs.ashbyhq.com/lambda/{job.Key}", job.SourceUrl);
        Assert.Equal($"https://jobs.ashbyhq.com/lambda/{job.Key}/application", job.ApplyUrl);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 0, 32, 25, 609, TimeSpan.Zero), job.PostedAt);
        // Ashby sends HTML as it is, not escaped once more.
        Assert.StartsWith("<p style=\"min-height:1.5em\">Lambda", job.DescriptionHtml());
        Assert.Equal(["descriptionHtml", "descriptionPlain"], job.DescriptionProperties);
    }
}
