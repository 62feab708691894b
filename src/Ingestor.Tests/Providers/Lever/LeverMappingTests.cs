using System.Text.Json;
using Ingestor.Normalization.Salaries;
using Ingestor.Normalization;
using Ingestor.Providers;
using Ingestor.Providers.Lever;
using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Normalization;

namespace Ingestor.Tests.Providers.Lever;

public sealed class LeverMappingTests
{
    private static readonly PostingNormalizer Normalizer = new(
        SharedGazetteer.Parser, new LaunchScope(new LaunchScopeOptions { Languages = ["en"], Countries = ["US", "CA"] }));

    private static SourceJob Map(string json)
    {
        var posting = JsonDocument.Parse(json).RootElement.Clone();
        return LeverMapping.ToSourceJob(new ListedJob(LeverPayload.KeyOf(posting)!, posting));
    }

    private static JsonElement Recorded(string title, string location)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.Samples("lever", "v0", "postings", "plaid.json")));
        return document.RootElement.EnumerateArray()
            .First(p => p.GetProperty("text").GetString() == title && p.GetProperty("categories").GetProperty("location").GetString() == location)
            .Clone();
    }

    private static SourceJob MapRecorded(string title, string location = "San Francisco")
    {
        var posting = Recorded(title, location);
        return LeverMapping.ToSourceJob(new ListedJob(LeverPayload.KeyOf(posting)!, posting));
    }

    [Fact]
    public void CreatedAtInEpochMillisecondsIsThePostingTime() =>
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767914803825), Map("""{"id":"a","text":"t","createdAt":1767914803825}""").PostedAt);

    [Theory]
    [InlineData("onsite", "onsite")]
    [InlineData("on-site", "onsite")]
    [InlineData("remote", "remote")]
    [InlineData("hybrid", "hybrid")]
    [InlineData("unspecified", null)]
    public void TheWorkplaceTypeIsReadAsDocumentedAndAsSent(string workplaceType, string? expected) =>
        Assert.Equal(expected, Map($$"""{"id":"a","text":"t","workplaceType":"{{workplaceType}}"}""").WorkplaceType);

    [Theory]
    [InlineData("Full-time", "full_time")]
    [InlineData("Part-time", "part_time")]
    [InlineData("Intern", "intern")]
    [InlineData("Contract", "contract")]
    [InlineData("Fixed Term", "temporary")]
    public void TheCommitmentIsTheEmploymentType(string commitment, string expected)
    {
        var job = Map($$$"""{"id":"a","text":"Analyst","categories":{"commitment":"{{{commitment}}}"}}""");

        Assert.Equal(expected, Normalizer.Normalize("lever", "site", job).EmploymentType);
    }

    [Theory]
    [InlineData("per-year-salary", "year")]
    [InlineData("per-month-salary", "month")]
    [InlineData("per-week-salary", "week")]
    [InlineData("per-day-wage", "day")]
    [InlineData("per-hour-wage", "hour")]
    public void TheSalaryRangesIntervalIsItsPeriod(string interval, string period)
    {
        var job = Map($$$"""{"id":"a","text":"t","salaryRange":{"max":60,"currency":"usd","interval":"{{{interval}}}","min":45.5}}""");

        Assert.Equal(new ParsedSalary(45.5m, 60m, "USD", period, $"45.5 - 60 USD per {period}", 0.95), Assert.Single(job.Pay));
    }

    [Theory]
    [InlineData("""{"id":"a","text":"t"}""")]
    [InlineData("""{"id":"a","text":"t","salaryRange":{"min":1,"max":2,"currency":"USD","interval":"one-time"}}""")]
    [InlineData("""{"id":"a","text":"t","salaryRange":{"min":null,"max":null,"currency":"USD","interval":"per-year-salary"}}""")]
    [InlineData("""{"id":"a","text":"t","salaryRange":{"min":1,"max":2,"currency":null,"interval":"per-year-salary"}}""")]
    public void WithoutANamedRangeThereIsNoStatedPay(string json) => Assert.Empty(Map(json).Pay);

    [Fact]
    public void AnOnTargetEarningsFigureIsARangeOfOne()
    {
        var pay = Assert.Single(MapRecorded("Account Executive - Fintech", "New York").Pay);

        Assert.Equal((240000m, 240000m, "USD", "year"), (pay.Min, pay.Max, pay.Currency, pay.Period));
    }

    [Fact]
    public void CategoriesGiveThePlaceTheOtherLocationsTheDepartmentAndTheTeam()
    {
        var job = MapRecorded("Commercial Lead - Partnerships");

        Assert.Equal("San Francisco", job.LocationText);
        Assert.Equal(["New York"], job.Places);
        Assert.Equal(("New Product GTM & Commercial", "Commercial"), (job.Department, job.Team));
        Assert.Equal([KeyValuePair.Create("Commitment", "Full-time")], job.Fields);
        Assert.Equal($"https://jobs.lever.co/plaid/{job.Key}", job.SourceUrl);
        Assert.Equal($"https://jobs.lever.co/plaid/{job.Key}/apply", job.ApplyUrl);
    }

    [Fact]
    public void TheDescriptionIsTheBodyThenEachListUnderItsHeadingThenThePayThenTheClosingOnce()
    {
        var source = Recorded("Account Executive - Fintech", "New York");
        var posting = Normalizer.Normalize("lever", "plaid", LeverMapping.ToSourceJob(new ListedJob(source.GetProperty("id").GetString()!, source)));
        var text = posting.DescriptionText!;

        var opening = "We believe that the way people interact with their finances";
        var body = "The Fintech team at Plaid combines deep product and industry knowledge";
        var firstItem = "Identify opportunities for Plaid solutions to deliver value";
        var pay = "The on-target earnings (OTE) for this position is $240,000/year";
        var closing = "Our mission at Plaid is to unlock financial freedom for everyone";
        Assert.All([opening, body, firstItem, pay, closing], part => Assert.Single(Occurrences(text, part)));
        Assert.True(
            text.IndexOf(opening, StringComparison.Ordinal) < text.IndexOf(body, StringComparison.Ordinal)
            && text.IndexOf(body, StringComparison.Ordinal) < text.IndexOf("Responsibilities", StringComparison.Ordinal)
            && text.IndexOf("Responsibilities", StringComparison.Ordinal) < text.IndexOf(firstItem, StringComparison.Ordinal)
            && text.IndexOf(firstItem, StringComparison.Ordinal) < text.IndexOf("Qualifications", StringComparison.Ordinal)
            && text.IndexOf("Qualifications", StringComparison.Ordinal) < text.IndexOf(pay, StringComparison.Ordinal)
            && text.IndexOf(pay, StringComparison.Ordinal) < text.IndexOf(closing, StringComparison.Ordinal),
            text);
        Assert.Contains("<ul><li>Identify opportunities", posting.DescriptionHtml);
        Assert.DoesNotContain("&nbsp;", text);
    }

    [Fact]
    public void WithoutADescriptionTheOpeningAndTheBodyAreTheDescription()
    {
        var job = Map("""{"id":"a","text":"t","opening":"<p>Hello</p>","descriptionBody":"<p>Body</p>","lists":[{"text":"Do","content":"<li>x</li>"}],"additional":"<p>Bye</p>"}""");

        Assert.Equal("<p>Hello</p><p>Body</p><h3>Do</h3><ul><li>x</li></ul><p>Bye</p>", job.DescriptionHtml());
    }

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            yield return at;
    }
}
