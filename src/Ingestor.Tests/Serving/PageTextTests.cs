using Ingestor.Serving.Pages;

namespace Ingestor.Tests.Serving;

/// <summary>How the pages write salaries, places and links.</summary>
public sealed class PageTextTests
{
    [Theory]
    [InlineData(180000.0, 250000.0, "USD", "year", "$180,000–$250,000 / year")]
    [InlineData(52.5, 60.0, "EUR", "hour", "€52.5–€60 / hour")]
    [InlineData(90000.0, 90000.0, "GBP", "year", "£90,000 / year")]
    [InlineData(120000.0, null, "CAD", "year", "from CAD 120,000 / year")]
    [InlineData(null, 95000.0, "USD", null, "up to $95,000")]
    [InlineData(null, null, "USD", "year", "—")]
    public void ASalaryReadsAsARangeWithItsCurrencyAndPeriod(double? min, double? max, string? currency, string? period, string expected) =>
        Assert.Equal(expected, PageText.Salary((decimal?)min, (decimal?)max, currency, period));

    [Fact]
    public void APlaceNamesWhatIsKnownAndSaysRemote()
    {
        Assert.Equal("San Francisco, CA, United States", PageText.Place("San Francisco", "CA", "United States", isRemote: false));
        Assert.Equal("United States, remote", PageText.Place(null, null, "United States", isRemote: true));
        Assert.Equal("—", PageText.Place(null, " ", null, isRemote: false));
    }

    [Theory]
    [InlineData("https://job-boards.greenhouse.io/fal/jobs/4009193009", true)]
    [InlineData("http://jobs.example.com/1", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("/jobs/1", false)]
    [InlineData(null, false)]
    public void OnlyAWebAddressBecomesALink(string? url, bool linked) =>
        Assert.Equal(linked ? url : null, PageText.WebAddress(url));
}
