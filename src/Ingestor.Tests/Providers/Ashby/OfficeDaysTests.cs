using Ingestor.Providers.Ashby;

namespace Ingestor.Tests.Providers.Ashby;

public sealed class OfficeDaysTests
{
    [Theory]
    [InlineData("*Note: This position requires presence in our San Francisco office location 4 days per week; Lambda’s designated work from home day is currently Tuesday.", "hybrid")]
    [InlineData("*Note: This position requires presence in our San Francisco,San Jose, or Seattle office location 4 days per week", "hybrid")]
    [InlineData("This position requires presence in our upcoming Seattle office location or on-site with strategic customers 4 days per week", "hybrid")]
    [InlineData("We’re looking for someone who can work from our London office in Shoreditch 2–3 days per week.", "hybrid")]
    [InlineData("*Note: This position requires presence in our Kansas City, MO Data Center 5 days per week", "onsite")]
    [InlineData("This position requires presence in our Columbus, Ohio office location 5 days per week", "onsite")]
    public void DaysInTheOfficeAWeekSayHowTheWorkIsDone(string text, string expected) =>
        Assert.Equal(expected, OfficeDays.WorkplaceOf(text));

    [Theory]
    [InlineData("*Note: This position prefers presence in our Bay Area office locations, but is open to remote presence for the right candidate.")]
    [InlineData("Lambda’s designated work from home day is currently Tuesday.")]
    [InlineData("Our office. We meet 3 days per week.")]
    [InlineData("Travel to customer sites 2 days per week.")]
    [InlineData(null)]
    public void WithoutARequiredNumberOfOfficeDaysNothingIsSaid(string? text) =>
        Assert.Null(OfficeDays.WorkplaceOf(text));
}
