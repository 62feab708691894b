using System.Text.Json;
using Ingestor.Providers.Greenhouse;

namespace Ingestor.Tests.Providers.Greenhouse;

/// <summary>Greenhouse pay-transparency ranges (<c>pay_input_ranges</c>, bounds in cents, no period) as the pay a posting states.</summary>
public sealed class GreenhousePayRangeTests
{
    private static (decimal Min, decimal Max, string Currency, string Period) PayOf(string payInputRange)
    {
        using var document = JsonDocument.Parse($$"""{"id": 1, "title": "t", "pay_input_ranges": [{{payInputRange}}]}""");
        var pay = Assert.Single(GreenhouseMapping.ToSourceJob(GreenhouseJobReader.Read(document.RootElement.Clone())!).Pay);
        return (pay.Min, pay.Max, pay.Currency, pay.Period);
    }

    [Theory]
    [InlineData("""{"min_cents": 18000000, "max_cents": 25000000, "currency_type": "USD", "title": "San Francisco Bay Area", "blurb": "<p>Base salary</p>"}""", 180000, 250000, "USD", "year")]
    [InlineData("""{"min_cents": 259000000, "max_cents": 370000000, "currency_type": "INR", "title": "India"}""", 2590000, 3700000, "INR", "year")]
    [InlineData("""{"min_cents": 4000, "max_cents": 5500, "currency_type": "CAD", "title": "Toronto"}""", 40, 55, "CAD", "hour")]
    public void CentsAreReadAsUnitsAndTheSizeOfARangeWithoutWordsGivesItsPeriod(string range, decimal min, decimal max, string currency, string period) =>
        Assert.Equal((min, max, currency, period), PayOf(range));

    [Fact]
    public void AWageInYenIsHourlyByItsValueNotByItsNumber() =>
        Assert.Equal((1500m, 2000m, "JPY", "hour"), PayOf("""{"min_cents": 150000, "max_cents": 200000, "currency_type": "JPY", "title": "Tokyo"}"""));

    [Fact]
    public void AnInternRangeTooBigForAnHourAndTooSmallForAYearIsMonthlyPay() =>
        Assert.Equal((7500m, 9000m, "USD", "month"), PayOf("""{"min_cents": 750000, "max_cents": 900000, "currency_type": "USD", "title": "New York"}"""));

    [Theory]
    [InlineData("Monthly Intern Pay", "<p>Base pay</p>", "month")]
    [InlineData("San Francisco", "<p>The hourly rate for this internship</p>", "hour")]
    [InlineData("Germany", "<p>Annual base salary</p>", "year")]
    public void APeriodNamedInTheRangesTitleOrBlurbWinsOverItsSize(string title, string blurb, string period) =>
        Assert.Equal(period, PayOf($$"""{"min_cents": 300000, "max_cents": 400000, "currency_type": "EUR", "title": "{{title}}", "blurb": "{{blurb}}"}""").Period);
}
