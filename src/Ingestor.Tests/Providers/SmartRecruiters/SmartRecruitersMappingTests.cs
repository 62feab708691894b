using System.Text.Json;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Providers.SmartRecruiters;
using static Ingestor.Tests.Providers.SmartRecruiters.AcmeSyntheticBoard;

namespace Ingestor.Tests.Providers.SmartRecruiters;

public sealed class SmartRecruitersMappingTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, ListedJob>> Board = new(() =>
        SmartRecruitersPayload.Read(Envelope()).Jobs.ToDictionary(j => j.Key));

    private static SourceJob Mapped(string id) => SmartRecruitersMapping.ToSourceJob(Board.Value[id]);

    private static SourceJob WithoutDetail(string id) => SmartRecruitersMapping.ToSourceJob(Board.Value[id] with { Detail = null });

    private static SourceJob FromList(string json) =>
        SmartRecruitersMapping.ToSourceJob(new ListedJob("1", JsonDocument.Parse(json).RootElement));

    private static SourceJob FromDetail(string detail) =>
        SmartRecruitersMapping.ToSourceJob(new ListedJob("1", JsonDocument.Parse("""{"id":"1","name":"t"}""").RootElement, JsonDocument.Parse(detail).RootElement));

    [Fact]
    public void TheTitleIsTheNameWithoutItsTrailingSpaceAndTheIdStaysText()
    {
        var job = Mapped("743999500000035");

        Assert.Equal("Visual Merchandiser", job.Title);
        Assert.Equal("743999500000035", job.Key);
        Assert.Equal("Visual Merchandiser ", job.Source.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("743999500000000", "Warsaw, Masovian Voivodeship, Poland")]
    [InlineData("743999500000042", "Dublin, Ireland")]
    [InlineData("743999500000049", "Poland")]
    [InlineData("743999500000070", "Singapore, Singapore")]
    [InlineData("743999500000077", "San Francisco, CA, United States")]
    [InlineData("743999500000056", "Kraków, Lesser Poland Voivodeship, Poland")]
    public void TheLocationIsWrittenWithoutEmptyPartsOrACountryStandingInForTheCity(string id, string text) =>
        Assert.Equal(text, Mapped(id).LocationText);

    [Theory]
    [InlineData("""{"city":"Berlin","country":"de"}""", "Berlin, DE")]
    [InlineData("""{"city":"","region":"","country":"","fullLocation":"Somewhere"}""", "Somewhere")]
    [InlineData("""{}""", null)]
    public void ALocationWithoutAFullTextIsWrittenFromItsParts(string location, string? text) =>
        Assert.Equal(text, FromList($$"""{"id":"1","name":"t","location":{{location}}}""").LocationText);

    [Theory]
    [InlineData("743999500000049", "remote")]
    [InlineData("743999500000077", "remote")]
    [InlineData("743999500000000", "hybrid")]
    [InlineData("743999500000007", null)]
    [InlineData("743999500000056", null)]
    public void TheWorkplaceIsWhatTheFlagsStateAndNothingWhenTheyStateNeither(string id, string? workplace) =>
        Assert.Equal(workplace, Mapped(id).WorkplaceType);

    [Fact]
    public void TheHybridFlagIsAbsentOnKrakowAndSaoPauloPostings()
    {
        Assert.False(Mapped("743999500000056").Source.GetProperty("location").TryGetProperty("hybrid", out _));
        Assert.False(Mapped("743999500000063").Source.GetProperty("location").TryGetProperty("hybrid", out _));
    }

    [Theory]
    [InlineData("743999500000000", "full_time")]
    [InlineData("743999500000028", "part_time")]
    [InlineData("743999500000056", "contract")]
    [InlineData("743999500000084", "intern")]
    [InlineData("743999500000112", "temporary")]
    public void TheTypeOfEmploymentIsStatedInOurTerms(string id, string employment) =>
        Assert.Equal(employment, Mapped(id).EmploymentType);

    [Fact]
    public void AnUnknownTypeOfEmploymentIsLeftToItsLabel()
    {
        var job = FromList("""{"id":"1","name":"t","typeOfEmployment":{"id":"other_kind","label":"Part-time"}}""");

        Assert.Null(job.EmploymentType);
        Assert.Equal([KeyValuePair.Create("typeOfEmployment", "Part-time")], job.Fields);
        Assert.Equal("part_time", EmploymentTypes.Classify(job.Fields, job.Title, null));
    }

    [Theory]
    [InlineData("743999500000000", "Stores")]
    [InlineData("743999500000007", "Analyst")]
    [InlineData("743999500000021", "Logistics")]
    public void AnEmptyDepartmentFallsBackToTheFunction(string id, string department) =>
        Assert.Equal(department, Mapped(id).Department);

    [Fact]
    public void TheReleaseDateIsWhenThePostingWasPosted() =>
        Assert.Equal(new DateTimeOffset(2025, 11, 24, 16, 0, 0, TimeSpan.Zero), Mapped("743999500000000").PostedAt);

    [Fact]
    public void TheDescriptionIsEverySectionUnderItsTitle()
    {
        var html = Mapped("743999500000000").DescriptionHtml();

        Assert.Equal(
            "<h2>Company Description</h2><p>Acme Synthetic Retail sells outdoor gear in 14 countries &amp; online.</p>"
            + "<h2>Job Description</h2><p><strong>Store Manager</strong> in Warsaw.&nbsp;You will keep our shelves and systems in shape.</p><ul><li>Own the weekly plan</li><li>Work with the retail team</li></ul>"
            + "<h2>Qualifications</h2><ul><li>Two years in a similar role</li><li>English; Polish or Portuguese a plus</li></ul>"
            + "<h2>Additional Information</h2><p>Staff discount &amp; flexible hours.</p>",
            html);
    }

    [Fact]
    public void ACompanyDescriptionThatIsTheOnlyTextIsKept() =>
        Assert.Equal(
            "<h2>Company Description</h2><p>Acme Synthetic Retail sells outdoor gear in 14 countries &amp; online.&nbsp;We are hiring for this role now.</p>",
            Mapped("743999500000063").DescriptionHtml());

    [Fact]
    public void SectionsComeInPageOrderWhateverTheOrderSentAndASectionWithoutTitleKeepsItsText() =>
        Assert.Equal(
            "<h2>Intro &amp; us</h2><p>a</p><p>b</p><h2>Extra</h2><p>c</p>",
            FromDetail("""
                {"id":"1","jobAd":{"sections":{
                  "extraSection":{"title":"Extra","text":"<p>c</p>"},
                  "jobDescription":{"title":"","text":"<p>b</p>"},
                  "companyDescription":{"title":"Intro & us","text":"<p>a</p>"},
                  "qualifications":{"title":"Qualifications","text":"  "}}}}
                """).DescriptionHtml());

    [Fact]
    public void ThePublicUrlsComeFromTheDetailNeverFromTheApiReference()
    {
        var job = Mapped("743999500000000");

        Assert.Equal("https://jobs.smartrecruiters.com/AcmeSynthetic/743999500000000-store-manager", job.SourceUrl);
        Assert.Equal("https://jobs.smartrecruiters.com/AcmeSynthetic/743999500000000-store-manager?oga=true", job.ApplyUrl);
        Assert.StartsWith("https://api.smartrecruiters.com/", job.Source.GetProperty("ref").GetString());
    }

    [Fact]
    public void WithoutADetailThereIsNoDescriptionUrlOrPay()
    {
        var job = WithoutDetail("743999500000000");

        Assert.Null(job.DescriptionHtml());
        Assert.Equal((null, null), (job.SourceUrl, job.ApplyUrl));
        Assert.Empty(job.Pay);
        Assert.Equal(("Store Manager", "full_time", "hybrid"), (job.Title, job.EmploymentType, job.WorkplaceType));
    }

    [Theory]
    [InlineData("743999500000000", 52000, 64000, "PLN", "year")]
    [InlineData("743999500000084", 3200, 3600, "PLN", "month")]
    [InlineData("743999500000168", 24, 30, "PLN", "hour")]
    [InlineData("743999500000021", 55000, 67000, "CHF", "year")]
    public void CompensationIsStatedPay(string id, int min, int max, string currency, string period)
    {
        var pay = Assert.Single(Mapped(id).Pay);

        Assert.Equal((min, max, currency, period, 0.95), (pay.Min, pay.Max, pay.Currency, pay.Period, pay.Confidence));
    }

    [Theory]
    [InlineData("""{"min":50000,"max":40000,"currency":"eur","period":"yearly"}""", "40000-50000 EUR year")]
    [InlineData("""{"min":"45000.50","currency":"EUR","period":"yearly"}""", "45000.50-45000.50 EUR year")]
    [InlineData("""{"min":50000,"max":60000,"currency":"EUR","period":"per_project"}""", null)]
    [InlineData("""{"min":50000,"max":60000,"period":"yearly"}""", null)]
    [InlineData("""{"min":0,"max":0,"currency":"EUR","period":"yearly"}""", null)]
    public void PayIsReadOnlyWhenAmountCurrencyAndPeriodAreAllStated(string salary, string? expected)
    {
        var pay = FromDetail("""{"id":"1","compensation":{"salary":""" + salary + "}}").Pay.SingleOrDefault();

        Assert.Equal(expected, pay is null ? null : FormattableString.Invariant($"{pay.Min}-{pay.Max} {pay.Currency} {pay.Period}"));
    }

    [Fact]
    public void TheContentIsWhatAReaderSeesAndTheDetailAddsItsUrlAndPay()
    {
        static Dictionary<string, string?> Texts(SourceJob job) =>
            job.Content.ToDictionary(f => f.Name, f => f.Text ?? (f.Texts is { } texts ? string.Join(" | ", texts) : null));

        var withDetail = Texts(Mapped("743999500000077"));
        var listOnly = Texts(WithoutDetail("743999500000077"));

        Assert.Equal("Payroll Specialist", withDetail["title"]);
        Assert.Equal("San Francisco, CA, United States | remote", withDetail["location"]);
        Assert.Equal(("Finance", "Accounting", "Full-time"), (withDetail["department"], withDetail["function"], withDetail["type_of_employment"]));
        Assert.Equal("https://jobs.smartrecruiters.com/AcmeSynthetic/743999500000077-payroll-specialist", withDetail["url"]);
        Assert.Null(listOnly["url"]);
        Assert.Equal("52000 - 64000 PLN yearly", Texts(Mapped("743999500000000"))["compensation"]);
        Assert.Null(withDetail["compensation"]);
    }
}
